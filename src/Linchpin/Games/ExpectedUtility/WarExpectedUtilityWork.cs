using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Linchpin.Alignment;

namespace Linchpin.Games.ExpectedUtility;

/// <summary>The working arrays and the sums of one year's computation, split from the year's public surface.</summary>
public sealed partial class WarExpectedUtilityYear
{
    /// <summary>The working arrays of one year's computation: the results its own, the scratch rented from the shared pools.</summary>
    private sealed class Work
    {
        private readonly int _year;
        private readonly int[] _codes;
        private readonly byte[] _v;
        private readonly double[] _c;
        private readonly WarUtilityOptions _options;
        private readonly int _n;
        private readonly int[] _home;
        private readonly int[] _mask;
        private readonly int[][] _sets;
        private readonly double[] _h;

        public Work(int year, int[] codes, byte[] portfolios, double[] capabilities, WarUtilityOptions options)
        {
            _year = year;
            _codes = codes;
            _v = portfolios;
            _c = capabilities;
            _options = options;
            _n = codes.Length;
            _home = [.. codes.Select(BdmRegions.Home)];
            _mask = [.. codes.Select(c => BdmRegions.InvolvedMask(c, year))];
            var systemic = options.Reference == EuReference.Systemic;
            _sets = systemic
                ? [[.. Enumerable.Range(0, _n)]]
                : [.. Enumerable.Range(0, BdmRegions.Count).Select(r => Enumerable.Range(0, _n).Where(k => (_mask[k] & (1 << r)) != 0).ToArray())];
            _h = ArrayPool<double>.Shared.Rent(_n * _n);
            U = new double[_n * _n];
            Region = ArrayPool<int>.Shared.Rent(_n * _n);
            WarTrap = new double[_n * _n];
            Win = new double[_n * _n];
            TargetWin = new double[_n * _n];
            RiskA = options.ComputedRisk ? new double[_n * _n] : [];
            RiskB = options.ComputedRisk ? new double[_n * _n] : [];
        }

        /// <summary>Gives the scratch arrays back to the pools.</summary>
        public void Return()
        {
            ArrayPool<double>.Shared.Return(_h);
            ArrayPool<int>.Shared.Return(Region);
        }

        /// <summary>U[x·n + y] = τ_b of x and y over the relevant region of (x, y).</summary>
        public double[] U { get; }

        /// <summary>The set (region) of each ordered pair.</summary>
        public int[] Region { get; }

        public double[] WarTrap { get; }

        public double[] Win { get; }

        public double[] TargetWin { get; }

        public double[] RiskA { get; }

        public double[] RiskB { get; }

        /// <summary>R of i and of j toward the region of each pair: the one given, or each state's computed score toward each region it needs.</summary>
        public void Risks()
        {
            var n = _n;
            if (!_options.ComputedRisk)
            {
                return;
            }

            var systemic = _sets.Length == 1;
            var slot = new int[n * n];
            var needed = new bool[n * WarTrapRisk.Slots];
            for (var at = 0; at < n * n; at++)
            {
                slot[at] = systemic ? WarTrapRisk.Globe : Region[at];
                needed[((at / n) * WarTrapRisk.Slots) + slot[at]] = true;
                needed[((at % n) * WarTrapRisk.Slots) + slot[at]] = true;
            }

            var system = RiskSystem.Create(_year, _codes, _v, _c, systemic);
            var scores = new double[n * WarTrapRisk.Slots];
            for (var x = 0; x < needed.Length; x++)
            {
                scores[x] = needed[x] ? system.Score(x / WarTrapRisk.Slots, x % WarTrapRisk.Slots).Risk : double.NaN;
            }

            for (var at = 0; at < n * n; at++)
            {
                RiskA[at] = scores[((at / n) * WarTrapRisk.Slots) + slot[at]];
                RiskB[at] = scores[((at % n) * WarTrapRisk.Slots) + slot[at]];
            }
        }

        /// <summary>τ_b of every pair over every reference set it needs (regional: each state's home region).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Taus()
        {
            var n = _n;
            var words = (n + 63) >> 6;
            var systemic = _sets.Length == 1;

            // bits[((a·3) + v − 1)·words + w]: the targets k to which a pledges value v (1–3), as bit sets.
            var length = n * 3 * words;
            var bits = ArrayPool<ulong>.Shared.Rent(length);
            Array.Clear(bits, 0, length);
            for (var a = 0; a < n; a++)
            {
                for (var k = 0; k < n; k++)
                {
                    var value = _v[(a * n) + k];
                    if (value != 0)
                    {
                        bits[((((a * 3) + value - 1) * words) + (k >> 6))] |= 1UL << (k & 63);
                    }
                }
            }

            for (var x = 0; x < n; x++)
            {
                for (var y = 0; y < n; y++)
                {
                    Region[(x * n) + y] = systemic ? 0 : Relevant(x, y);
                }
            }

            var masked = ArrayPool<ulong>.Shared.Rent(length);
            var marginals = ArrayPool<int>.Shared.Rent(n * 3);
            var inSet = ArrayPool<bool>.Shared.Rent(n);
            Span<int> table = stackalloc int[Levels * Levels];
            Span<ulong> mask = stackalloc ulong[words];
            for (var s = 0; s < _sets.Length; s++)
            {
                var set = _sets[s];
                mask.Clear();
                Array.Clear(inSet, 0, n);
                foreach (var k in set)
                {
                    inSet[k] = true;
                    mask[k >> 6] |= 1UL << (k & 63);
                }

                for (var row = 0; row < n * 3; row++)
                {
                    var count = 0;
                    for (var w = 0; w < words; w++)
                    {
                        var word = bits[(row * words) + w] & mask[w];
                        masked[(row * words) + w] = word;
                        count += BitOperations.PopCount(word);
                    }

                    marginals[row] = count;
                }

                for (var a = 0; a < n; a++)
                {
                    for (var b = a + 1; b < n; b++)
                    {
                        // Only the sets that are the relevant region of (a, b) or of (b, a) are read below.
                        if (!(systemic || Region[(a * n) + b] == s || Region[(b * n) + a] == s))
                        {
                            continue;
                        }

                        var others = 0;
                        for (var x = 1; x < Levels; x++)
                        {
                            var rowTotal = 0;
                            var from = ((a * 3) + x - 1) * words;
                            var rowEmpty = marginals[(a * 3) + x - 1] == 0;
                            for (var y = 1; y < Levels; y++)
                            {
                                // Most states pledge to few others: a level no target of the set has counts nothing.
                                var count = 0;
                                if (!rowEmpty && marginals[(b * 3) + y - 1] != 0)
                                {
                                    var to = ((b * 3) + y - 1) * words;
                                    for (var w = 0; w < words; w++)
                                    {
                                        count += BitOperations.PopCount(masked[from + w] & bits[to + w]);
                                    }
                                }

                                table[(x * Levels) + y] = count;
                                rowTotal += count;
                            }

                            table[x * Levels] = marginals[(a * 3) + x - 1] - rowTotal;
                            others += marginals[(a * 3) + x - 1];
                        }

                        for (var y = 1; y < Levels; y++)
                        {
                            var column = table[Levels + y] + table[(2 * Levels) + y] + table[(3 * Levels) + y];
                            table[y] = marginals[(b * 3) + y - 1] - column;
                            others += table[y];
                        }

                        table[0] = set.Length - others;
                        if (!inSet[a])
                        {
                            table[(_v[(a * n) + a] * Levels) + _v[(b * n) + a]]++;
                        }

                        if (!inSet[b])
                        {
                            table[(_v[(a * n) + b] * Levels) + _v[(b * n) + b]]++;
                        }

                        var tau = PortfolioSimilarity.TauB4(table);
                        if (systemic || _home[a] == s)
                        {
                            _h[(a * n) + b] = tau;
                        }

                        if (systemic || _home[b] == s)
                        {
                            _h[(b * n) + a] = tau;
                        }
                    }
                }
            }

            for (var x = 0; x < n; x++)
            {
                for (var y = 0; y < n; y++)
                {
                    U[(x * n) + y] = x == y ? 1 : systemic || Region[(x * n) + y] == _home[x] ? _h[(x * n) + y] : _h[(y * n) + x];
                }
            }

            ArrayPool<ulong>.Shared.Return(bits);
            ArrayPool<ulong>.Shared.Return(masked);
            ArrayPool<int>.Shared.Return(marginals);
            ArrayPool<bool>.Shared.Return(inSet);
        }

        /// <summary>The <i>War Trap</i> expected utility and the <i>War and Reason</i> probabilities of every ordered pair.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Utilities()
        {
            var n = _n;
            var sets = _sets.Select(set => new Compact(set, n, U, _c)).ToArray();
            try
            {
                Pairs(sets, n, neutral: !_options.ComputedRisk && _options.Risk == 0);
            }
            finally
            {
                foreach (var set in sets)
                {
                    set.Return();
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Pairs(Compact[] sets, int n, bool neutral)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    var at = (i * n) + j;
                    var back = (j * n) + i;
                    var (ci, cj, uij) = (_c[i], _c[j], U[at]);
                    if (i == j || double.IsNaN(ci) || double.IsNaN(cj) || double.IsNaN(uij))
                    {
                        (WarTrap[at], Win[at], TargetWin[at]) = (double.NaN, double.NaN, double.NaN);
                        continue;
                    }

                    // Risk neutral, over the same set both ways: (j, i) is (i, j) with the signs and sides swapped.
                    var mirrored = neutral && Region[at] == Region[back];
                    if (mirrored && j < i)
                    {
                        continue;
                    }

                    var set = sets[Region[at]];
                    var risks = _options.ComputedRisk ? (RiskA[at], RiskB[at]) : (_options.Risk, _options.Risk);
                    var sums = neutral ? set.Total(i, j, ci + cj) : set.SumsWithRisk(i, j, ci + cj, risks);
                    foreach (var k in (ReadOnlySpan<int>)[i, j])
                    {
                        if (set.Position[k] >= 0)
                        {
                            sums = sums.Minus(set.Term(set.Position[k], i, j, ci + cj, risks));
                        }
                    }

                    Finish(at, ci, cj, uij, sums, risks);
                    if (mirrored)
                    {
                        Finish(back, cj, ci, uij, new Sums(-sums.WarTrap, sums.NumeratorB, sums.DenominatorB, sums.NumeratorA, sums.DenominatorA), risks);
                    }
                }
            }
        }

        /// <summary>Adds the bilateral term and the two states' own parts to the sums over third states.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Finish(int at, double ci, double cj, double uij, Sums sums, (double A, double B) risk)
        {
            var pi = ci + cj == 0 ? 0.5 : ci / (ci + cj);
            WarTrap[at] = (pi * (1 - uij)) + ((1 - pi) * (uij - 1)) + sums.WarTrap;

            // i and j themselves weigh in over the dyad's own region, with U_ii = U_jj = 1.
            var adjusted = WarReasonTau(uij);
            sums = sums.Plus(Sums.Of(ci, 1 - adjusted, risk)).Plus(Sums.Of(cj, adjusted - 1, risk));
            Win[at] = sums.DenominatorA > 0 && !double.IsNaN(risk.A) ? sums.NumeratorA / sums.DenominatorA : double.NaN;
            TargetWin[at] = sums.DenominatorB > 0 && !double.IsNaN(risk.B) ? sums.NumeratorB / sums.DenominatorB : double.NaN;
        }

        private int Relevant(int x, int y) =>
            _home[x] == _home[y] || (_mask[x] & (1 << _home[y])) != 0 ? _home[y] : _home[x];
    }

    /// <summary>Sums over third states K: the <i>War Trap</i> term and the numerators and denominators of P^i and P^j.</summary>
    private readonly record struct Sums(double WarTrap, double NumeratorA, double DenominatorA, double NumeratorB, double DenominatorB)
    {
        /// <summary>One state's part in P^i and P^j, with weight <paramref name="capability"/>, d = U_Ki − U_Kj and the risk attitudes R_i, R_j.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Sums Of(double capability, double d, (double A, double B) risk)
        {
            if (double.IsNaN(capability) || double.IsNaN(d))
            {
                return default;
            }

            var a = d / 2 * (risk.A == 0 || double.IsNaN(risk.A) ? 1 : Math.Exp(risk.A * d));
            var b = -d / 2 * (risk.B == 0 || double.IsNaN(risk.B) ? 1 : Math.Exp(-risk.B * d));
            return new(0, capability * Math.Max(a, 0), capability * Math.Abs(a), capability * Math.Max(b, 0), capability * Math.Abs(b));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Sums Plus(Sums other) => new(WarTrap + other.WarTrap, NumeratorA + other.NumeratorA, DenominatorA + other.DenominatorA, NumeratorB + other.NumeratorB, DenominatorB + other.DenominatorB);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Sums Minus(Sums other) => new(WarTrap - other.WarTrap, NumeratorA - other.NumeratorA, DenominatorA - other.DenominatorA, NumeratorB - other.NumeratorB, DenominatorB - other.DenominatorB);
    }

    /// <summary>
    /// One reference set laid out for the sums: for each state i, U_ki (and the <i>War and Reason</i> value) for every k
    /// of the set, contiguous, and the capabilities of the set's members.
    /// </summary>
    private sealed class Compact
    {
        private readonly int _size;
        private readonly double[] _g;
        private readonly double[] _w;
        private readonly double[] _c;

        public Compact(int[] set, int n, double[] u, double[] capabilities)
        {
            _size = set.Length;
            Position = ArrayPool<int>.Shared.Rent(n);
            Array.Fill(Position, -1, 0, n);
            for (var p = 0; p < set.Length; p++)
            {
                Position[set[p]] = p;
            }

            _g = ArrayPool<double>.Shared.Rent(Math.Max(1, n * _size));
            _w = ArrayPool<double>.Shared.Rent(Math.Max(1, n * _size));
            _c = ArrayPool<double>.Shared.Rent(Math.Max(1, _size));
            for (var p = 0; p < _size; p++)
            {
                _c[p] = capabilities[set[p]];
            }

            for (var i = 0; i < n; i++)
            {
                for (var p = 0; p < _size; p++)
                {
                    var value = u[(set[p] * n) + i];
                    _g[(i * _size) + p] = value;
                    _w[(i * _size) + p] = WarReasonTau(value);
                }
            }
        }

        /// <summary>The place of each state in the set, or -1.</summary>
        public int[] Position { get; }

        /// <summary>Gives the arrays back to the pools.</summary>
        public void Return()
        {
            ArrayPool<int>.Shared.Return(Position);
            ArrayPool<double>.Shared.Return(_g);
            ArrayPool<double>.Shared.Return(_w);
            ArrayPool<double>.Shared.Return(_c);
        }

        /// <summary>The sums over every member of the set, risk neutral (R = 0), vectorised.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public Sums Total(int i, int j, double cij)
        {
            // Unchecked loads: the five rows are _size long, and the loop stops a full vector before their end.
            ref var gi = ref _g[i * _size];
            ref var gj = ref _g[j * _size];
            ref var wi = ref _w[i * _size];
            ref var wj = ref _w[j * _size];
            ref var c = ref MemoryMarshal.GetArrayDataReference(_c);
            var width = Vector<double>.Count;
            var (trap, numA, numB, den) = (Vector<double>.Zero, Vector<double>.Zero, Vector<double>.Zero, Vector<double>.Zero);
            var both = new Vector<double>(cij);
            var half = new Vector<double>(0.5);
            var p = 0;
            for (; p + width <= _size; p += width)
            {
                var at = (nuint)p;
                var ck = Vector.LoadUnsafe(ref c, at);
                var term = ck / (both + ck) * (Vector.LoadUnsafe(ref gi, at) - Vector.LoadUnsafe(ref gj, at));
                trap += Vector.ConditionalSelect(Vector.Equals(term, term), term, Vector<double>.Zero);
                var weighted = ck * (Vector.LoadUnsafe(ref wi, at) - Vector.LoadUnsafe(ref wj, at)) * half;
                var valid = Vector.Equals(weighted, weighted);

                // A NaN compares false both ways, so these two need no test of validity.
                numA += Vector.ConditionalSelect(Vector.GreaterThan(weighted, Vector<double>.Zero), weighted, Vector<double>.Zero);
                numB -= Vector.ConditionalSelect(Vector.LessThan(weighted, Vector<double>.Zero), weighted, Vector<double>.Zero);
                den += Vector.ConditionalSelect(valid, Vector.Abs(weighted), Vector<double>.Zero);
            }

            var sums = new Sums(Vector.Sum(trap), Vector.Sum(numA), Vector.Sum(den), Vector.Sum(numB), Vector.Sum(den));
            for (; p < _size; p++)
            {
                sums = sums.Plus(Term(p, i, j, cij, (0, 0)));
            }

            return sums;
        }

        /// <summary>The sums over every member of the set with risk attitudes R_i, R_j.</summary>
        public Sums SumsWithRisk(int i, int j, double cij, (double A, double B) risk)
        {
            var sums = default(Sums);
            for (var p = 0; p < _size; p++)
            {
                sums = sums.Plus(Term(p, i, j, cij, risk));
            }

            return sums;
        }

        /// <summary>The part of the set's member at <paramref name="p"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Sums Term(int p, int i, int j, double cij, (double A, double B) risk)
        {
            var ck = _c[p];
            var term = ck / (cij + ck) * (_g[(i * _size) + p] - _g[(j * _size) + p]);
            var reason = WarExpectedUtilityYear.Sums.Of(ck, _w[(i * _size) + p] - _w[(j * _size) + p], risk);
            return reason with { WarTrap = double.IsNaN(term) ? 0 : term };
        }
    }
}
