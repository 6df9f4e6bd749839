/**
 * The {@code msirt} command line: subcommands {@code calibrate}, {@code tune}, {@code score}
 * and {@code simulate}, their options, defaults from a {@code --config} properties file, and
 * the mapping of bad input to exit status 2 with a one-line message.
 */
package io.github.msirt.cli;
