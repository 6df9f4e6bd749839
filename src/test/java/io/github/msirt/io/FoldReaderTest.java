package io.github.msirt.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fold files map every human respondent to one integer fold. */
class FoldReaderTest {
  @TempDir
  Path temp;

  private PairedResponses paired;

  @BeforeEach
  void readObserved() throws IOException {
    Path observed = temp.resolve("observed.csv");
    Files.write(observed, List.of("respondent_id,q1,q2", "a,1,0", "b,,", "c,0,1", "d,1,1"));
    paired = PairedResponses.pair(new ResponseReader(ReadOptions.defaults()).read(observed),
        null);
  }

  private int[] readFolds(String... lines) throws IOException {
    Path file = temp.resolve("folds.csv");
    Files.write(file, List.of(lines));
    return new FoldReader(ReadOptions.defaults(), null).read(file, paired);
  }

  @Test
  void foldsFollowObservedRowOrderAndSkipRespondentsLeftOut() throws IOException {
    int[] folds = readFolds("fold,respondent_id", "1,d", "2,c", "1,b", "2,a");

    assertArrayEquals(new int[] {2, 2, 1}, folds);
  }

  @Test
  void respondentWithoutFoldIsNamed() {
    String message = assertThrows(InputException.class,
        () -> readFolds("respondent_id,fold", "a,1", "c,2")).getMessage();

    assertTrue(message.contains("1 human respondent(s) have no fold (d)"), message);
  }

  @Test
  void nonIntegerFoldIsNamedByRow() {
    String message = assertThrows(InputException.class,
        () -> readFolds("respondent_id,fold", "a,1", "c,two", "d,1")).getMessage();

    assertTrue(message.contains("data row 2 (file line 3): fold \"two\""), message);
  }

  @Test
  void unknownIdIsRefused() {
    String message = assertThrows(InputException.class,
        () -> readFolds("respondent_id,fold", "a,1", "c,2", "d,1", "zz,2")).getMessage();

    assertTrue(message.contains("1 id(s) are not human respondents (zz)"), message);
  }
}
