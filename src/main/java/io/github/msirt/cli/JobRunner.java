package io.github.msirt.cli;

/**
 * Runs the estimation subcommands once their options are parsed and checked. The command
 * line itself only reads options; the work is done by the implementation given to
 * {@link Main#run(JobRunner, java.io.PrintWriter, java.io.PrintWriter, String...)}.
 */
public interface JobRunner {

  /** A runner for builds without the estimation workflow: every job reports that. */
  JobRunner UNAVAILABLE = new JobRunner() {
    @Override
    public int calibrate(CalibrateCommand command) {
      throw unavailable("calibrate");
    }

    @Override
    public int tune(TuneCommand command) {
      throw unavailable("tune");
    }

    @Override
    public int score(ScoreCommand command) {
      throw unavailable("score");
    }

    private UnsupportedOperationException unavailable(String job) {
      return new UnsupportedOperationException(job + " is not available: this build of the "
          + "command line has no estimation workflow attached");
    }
  };

  /**
   * @param command the parsed calibrate options
   * @return the exit status
   * @throws Exception on failure; an {@link IllegalArgumentException} means bad input
   */
  int calibrate(CalibrateCommand command) throws Exception;

  /**
   * @param command the parsed tune options
   * @return the exit status
   * @throws Exception on failure; an {@link IllegalArgumentException} means bad input
   */
  int tune(TuneCommand command) throws Exception;

  /**
   * @param command the parsed score options
   * @return the exit status
   * @throws Exception on failure; an {@link IllegalArgumentException} means bad input
   */
  int score(ScoreCommand command) throws Exception;
}
