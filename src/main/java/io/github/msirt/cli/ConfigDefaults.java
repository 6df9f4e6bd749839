package io.github.msirt.cli;

import io.github.msirt.io.InputException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from a properties file given with {@code --config FILE}: each key is an
 * option's long name without dashes ({@code quadrature-points=61}), or a subcommand name and
 * the option ({@code tune.folds=5}) to apply to one subcommand only. Flags on the command
 * line override the file; the file overrides the built-in defaults. Unknown keys are refused,
 * so that a misspelt key does not go unnoticed.
 */
final class ConfigDefaults implements CommandLine.IDefaultValueProvider {
  private final Properties values;

  private ConfigDefaults(Properties values) {
    this.values = values;
  }

  /**
   * @param file a properties file
   * @param root the command hierarchy whose options the keys must name
   * @return the provider
   * @throws InputException if the file cannot be read or a key names no option
   */
  static ConfigDefaults load(Path file, CommandSpec root) {
    Properties values = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      values.load(reader);
    } catch (IOException | IllegalArgumentException failure) {
      throw new InputException(file + ": cannot read the configuration file ("
          + failure.getMessage() + "); give a readable properties file to --config", failure);
    }
    Set<String> known = knownKeys(root);
    for (String key : values.stringPropertyNames()) {
      if (!known.contains(key)) {
        throw new InputException(file + ": key \"" + key + "\" names no option; use an "
            + "option's long name without dashes, optionally after a subcommand and a dot "
            + "(for example tune.folds)");
      }
    }
    return new ConfigDefaults(values);
  }

  private static Set<String> knownKeys(CommandSpec root) {
    Set<String> keys = new TreeSet<>();
    for (CommandLine sub : root.subcommands().values()) {
      for (OptionSpec option : sub.getCommandSpec().options()) {
        String name = bareName(option);
        keys.add(name);
        keys.add(sub.getCommandName() + "." + name);
      }
    }
    return keys;
  }

  private static String bareName(OptionSpec option) {
    return option.longestName().replaceFirst("^-+", "");
  }

  /**
   * @param argument an option or positional parameter
   * @return the configured value for the option in its subcommand, or {@code null}
   */
  @Override
  public String defaultValue(ArgSpec argument) {
    if (!argument.isOption()) {
      return null;
    }
    String name = bareName((OptionSpec) argument);
    String command = argument.command().name();
    String specific = values.getProperty(command + "." + name);
    return specific != null ? specific : values.getProperty(name);
  }
}
