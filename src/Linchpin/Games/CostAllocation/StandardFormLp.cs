namespace Linchpin.Games.CostAllocation;

/// <summary>
/// A dense two-phase primal simplex for <c>min fᵀy s.t. M y = b, y ≥ 0</c> with few rows and many
/// columns (the dual of the nucleolus programmes). Dantzig pricing, switching to Bland's rule
/// after a run of degenerate pivots so it cannot cycle. Returns the optimal <c>y</c> and the
/// simplex multipliers <c>π = f_Bᵀ B⁻¹</c>, which solve the dual <c>max bᵀπ s.t. Mᵀπ ≤ f</c>.
/// </summary>
internal sealed class StandardFormLp
{
    private const double Eps = 1e-10;
    private readonly int _rows;
    private readonly int _columns;
    private readonly double[][] _tableau;
    private readonly int[] _basis;
    private readonly double[] _objective;

    private StandardFormLp(double[][] matrix, double[] rhs)
    {
        _rows = matrix.Length;
        _columns = matrix[0].Length;
        _tableau = new double[_rows][];
        _basis = new int[_rows];
        for (var r = 0; r < _rows; r++)
        {
            // Columns: originals, then one artificial per row (their block holds B⁻¹), then the right-hand side.
            var row = new double[_columns + _rows + 1];
            var sign = rhs[r] < 0 ? -1 : 1;
            for (var j = 0; j < _columns; j++)
            {
                row[j] = sign * matrix[r][j];
            }

            row[_columns + r] = sign;
            row[^1] = sign * rhs[r];
            _tableau[r] = row;
            _basis[r] = _columns + r;
        }

        _objective = new double[_columns + _rows + 1];
    }

    /// <summary>Solves the programme; <c>null</c> when it is infeasible or unbounded.</summary>
    public static (double[] Y, double[] Pi, double Value)? Solve(double[][] matrix, double[] rhs, double[] cost)
    {
        var lp = new StandardFormLp(matrix, rhs);
        var phaseOne = new double[lp._columns + lp._rows];
        for (var r = 0; r < lp._rows; r++)
        {
            phaseOne[lp._columns + r] = 1;
        }

        if (!lp.Optimise(phaseOne, lp._columns + lp._rows) || lp.ObjectiveValue(phaseOne) > 1e-8 * Math.Max(1, rhs.Max(Math.Abs)))
        {
            return null;
        }

        lp.DriveOutArtificials();
        var full = new double[lp._columns + lp._rows];
        Array.Copy(cost, full, lp._columns);
        if (!lp.Optimise(full, lp._columns))
        {
            return null;
        }

        var y = new double[lp._columns];
        for (var r = 0; r < lp._rows; r++)
        {
            if (lp._basis[r] < lp._columns)
            {
                y[lp._basis[r]] = lp._tableau[r][^1];
            }
        }

        // π_k = f_Bᵀ (B⁻¹ column k) = −(reduced cost of artificial k), times the row sign.
        var pi = new double[lp._rows];
        for (var k = 0; k < lp._rows; k++)
        {
            double sum = 0;
            for (var r = 0; r < lp._rows; r++)
            {
                sum += full[lp._basis[r]] * lp._tableau[r][lp._columns + k];
            }

            pi[k] = sum * (rhs[k] < 0 ? -1 : 1);
        }

        return (y, pi, lp.ObjectiveValue(full));
    }

    private double ObjectiveValue(double[] cost)
    {
        double value = 0;
        for (var r = 0; r < _rows; r++)
        {
            value += cost[_basis[r]] * _tableau[r][^1];
        }

        return value;
    }

    /// <summary>Pivots to optimality over the first <paramref name="eligible"/> columns; false when unbounded.</summary>
    private bool Optimise(double[] cost, int eligible)
    {
        var width = _columns + _rows;
        for (var j = 0; j < width; j++)
        {
            var d = cost[j];
            for (var r = 0; r < _rows; r++)
            {
                d -= cost[_basis[r]] * _tableau[r][j];
            }

            _objective[j] = d;
        }

        var degenerateRun = 0;
        for (var iteration = 0; iteration < 100_000; iteration++)
        {
            var bland = degenerateRun > 50;
            var entering = -1;
            var most = -Eps;
            for (var j = 0; j < eligible; j++)
            {
                if (_objective[j] < most)
                {
                    entering = j;
                    if (bland)
                    {
                        break;
                    }

                    most = _objective[j];
                }
            }

            if (entering < 0)
            {
                return true;
            }

            var leaving = -1;
            var ratio = double.PositiveInfinity;
            for (var r = 0; r < _rows; r++)
            {
                var a = _tableau[r][entering];
                if (a > Eps)
                {
                    var q = _tableau[r][^1] / a;
                    if (q < ratio - Eps || (Math.Abs(q - ratio) <= Eps && leaving >= 0 && _basis[r] < _basis[leaving]))
                    {
                        ratio = q;
                        leaving = r;
                    }
                }
            }

            if (leaving < 0)
            {
                return false;
            }

            degenerateRun = ratio <= Eps ? degenerateRun + 1 : 0;
            Pivot(leaving, entering);
        }

        throw new InvalidOperationException("the simplex did not converge");
    }

    private void DriveOutArtificials()
    {
        for (var r = 0; r < _rows; r++)
        {
            if (_basis[r] < _columns)
            {
                continue;
            }

            var best = -1;
            for (var j = 0; j < _columns; j++)
            {
                if (Math.Abs(_tableau[r][j]) > 1e-9 && (best < 0 || Math.Abs(_tableau[r][j]) > Math.Abs(_tableau[r][best])))
                {
                    best = j;
                }
            }

            if (best >= 0)
            {
                Pivot(r, best);
            }
        }
    }

    private void Pivot(int row, int column)
    {
        var pivotRow = _tableau[row];
        var inverse = 1 / pivotRow[column];
        for (var j = 0; j < pivotRow.Length; j++)
        {
            pivotRow[j] *= inverse;
        }

        pivotRow[column] = 1;
        for (var r = 0; r < _rows; r++)
        {
            if (r == row)
            {
                continue;
            }

            var factor = _tableau[r][column];
            if (factor == 0)
            {
                continue;
            }

            var target = _tableau[r];
            for (var j = 0; j < target.Length; j++)
            {
                target[j] -= factor * pivotRow[j];
            }

            target[column] = 0;
        }

        var objectiveFactor = _objective[column];
        if (objectiveFactor != 0)
        {
            for (var j = 0; j < _objective.Length - 1; j++)
            {
                _objective[j] -= objectiveFactor * pivotRow[j];
            }

            _objective[column] = 0;
        }

        _basis[row] = column;
    }
}
