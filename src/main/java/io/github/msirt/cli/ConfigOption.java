package io.github.msirt.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --config} option. {@link Main} reads the file before parsing, so that its values
 * become defaults that flags override; the option is declared here to be listed in help.
 */
public final class ConfigOption {
  @Option(names = "--config", paramLabel = "FILE",
      description = "Properties file of option defaults, keys being option names without "
          + "dashes (quadrature-points=61) or subcommand.option (tune.folds=5); flags "
          + "override it. See conf/msirt.properties.")
  Path config;
}
