package io.github.msirt.estimate;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

/** Small dense matrix helpers for {@code 2J x 2J} Hessians and covariances. */
public final class Matrices {
  private Matrices() {
  }

  /**
   * Inverts a square matrix, adding a ridge {@code ridge * 10^t * I} for {@code t = 0..8}
   * until the inverse exists and is finite.
   *
   * @param matrix square matrix
   * @param ridge the first ridge tried after the plain inverse, e.g. 1e-8
   * @return the inverse (of the ridged matrix, if a ridge was needed)
   * @throws IllegalStateException if no ridge up to {@code ridge * 1e8} makes it invertible
   */
  public static double[][] ridgeInverse(double[][] matrix, double ridge) {
    for (int attempt = -1; attempt <= 8; attempt++) {
      double added = attempt < 0 ? 0.0 : ridge * Math.pow(10, attempt);
      RealMatrix ridged = new Array2DRowRealMatrix(matrix, true);
      for (int i = 0; i < matrix.length; i++) {
        ridged.addToEntry(i, i, added);
      }
      try {
        LUDecomposition lu = new LUDecomposition(ridged, 1e-300);
        double[][] inverse = lu.getSolver().getInverse().getData();
        if (allFinite(inverse) && conditionAcceptable(ridged, inverse)) {
          return inverse;
        }
      } catch (SingularMatrixException e) {
        continue;
      }
    }
    throw new IllegalStateException("the matrix cannot be inverted even with a ridge of "
        + ridge * 1e8);
  }

  // Reject an inverse whose reciprocal condition number is below machine precision: such a
  // matrix is singular to working accuracy and only the ridge gives a usable answer.
  private static boolean conditionAcceptable(RealMatrix matrix, double[][] inverse) {
    double norm = matrix.getNorm();
    double inverseNorm = new Array2DRowRealMatrix(inverse, false).getNorm();
    return norm * inverseNorm < 1e15;
  }

  private static boolean allFinite(double[][] matrix) {
    for (double[] row : matrix) {
      for (double value : row) {
        if (!Double.isFinite(value)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * @param left matrix
   * @param right matrix with as many rows as {@code left} has columns
   * @return the product
   */
  public static double[][] multiply(double[][] left, double[][] right) {
    int rows = left.length;
    int inner = right.length;
    int columns = right[0].length;
    double[][] product = new double[rows][columns];
    for (int i = 0; i < rows; i++) {
      for (int k = 0; k < inner; k++) {
        double value = left[i][k];
        if (value == 0.0) {
          continue;
        }
        for (int j = 0; j < columns; j++) {
          product[i][j] += value * right[k][j];
        }
      }
    }
    return product;
  }

  /**
   * @param matrix any matrix
   * @return its transpose
   */
  public static double[][] transpose(double[][] matrix) {
    double[][] result = new double[matrix[0].length][matrix.length];
    for (int i = 0; i < matrix.length; i++) {
      for (int j = 0; j < matrix[0].length; j++) {
        result[j][i] = matrix[i][j];
      }
    }
    return result;
  }

  /**
   * {@code B^-1 M B^-T}, symmetrised.
   *
   * @param breadInverse the inverse of the bread
   * @param meat the meat
   * @return the sandwich
   */
  public static double[][] sandwich(double[][] breadInverse, double[][] meat) {
    double[][] result =
        multiply(multiply(breadInverse, meat), transpose(breadInverse));
    return symmetrised(result);
  }

  /**
   * @param matrix square matrix
   * @return {@code (M + M') / 2}
   */
  public static double[][] symmetrised(double[][] matrix) {
    double[][] result = new double[matrix.length][matrix.length];
    for (int i = 0; i < matrix.length; i++) {
      for (int j = 0; j < matrix.length; j++) {
        result[i][j] = 0.5 * (matrix[i][j] + matrix[j][i]);
      }
    }
    return result;
  }

  /**
   * @param first matrix
   * @param scale factor for the second
   * @param second matrix of the same shape
   * @return {@code first + scale * second}
   */
  public static double[][] plus(double[][] first, double scale, double[][] second) {
    double[][] result = new double[first.length][first[0].length];
    for (int i = 0; i < first.length; i++) {
      for (int j = 0; j < first[0].length; j++) {
        result[i][j] = first[i][j] + scale * second[i][j];
      }
    }
    return result;
  }

  /**
   * @param matrix square matrix
   * @return the sum of its diagonal
   */
  public static double trace(double[][] matrix) {
    double sum = 0;
    for (int i = 0; i < matrix.length; i++) {
      sum += matrix[i][i];
    }
    return sum;
  }

  /**
   * @param symmetric symmetric matrix
   * @return its eigenvalues and eigenvectors
   */
  public static EigenDecomposition eigen(double[][] symmetric) {
    return new EigenDecomposition(new Array2DRowRealMatrix(symmetrised(symmetric), false));
  }

  /**
   * @param symmetric symmetric matrix
   * @return its smallest eigenvalue
   */
  public static double smallestEigenvalue(double[][] symmetric) {
    double smallest = Double.POSITIVE_INFINITY;
    for (double value : eigen(symmetric).getRealEigenvalues()) {
      smallest = Math.min(smallest, value);
    }
    return smallest;
  }

  /**
   * @param vector any vector
   * @return the largest absolute entry
   */
  public static double maxAbs(double[] vector) {
    double largest = 0;
    for (double value : vector) {
      largest = Math.max(largest, Math.abs(value));
    }
    return largest;
  }

  /**
   * @param matrix square matrix
   * @param vector vector
   * @return {@code v' M v}
   */
  public static double quadraticForm(double[][] matrix, double[] vector) {
    double sum = 0;
    for (int i = 0; i < vector.length; i++) {
      if (vector[i] == 0.0) {
        continue;
      }
      double row = 0;
      for (int j = 0; j < vector.length; j++) {
        row += matrix[i][j] * vector[j];
      }
      sum += vector[i] * row;
    }
    return sum;
  }
}
