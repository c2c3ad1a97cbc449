using System.Globalization;
using Linchpin.Data;

namespace Linchpin.Validation;

/// <summary>One member's spell in an alliance: from its entry to its exit, the alliance's end, or the end of the data.</summary>
/// <param name="AtopId">The alliance.</param>
/// <param name="Member">The member's COW code.</param>
/// <param name="AllianceBegin">The alliance's first year.</param>
/// <param name="Entry">The member's first year in the alliance.</param>
/// <param name="Last">The last year the member was at risk of leaving.</param>
/// <param name="Exited">Whether the member left while the alliance went on (the event); otherwise the spell ended with the alliance or is censored.</param>
public sealed record MemberSpell(int AtopId, int Member, int AllianceBegin, int Entry, int Last, bool Exited);

/// <summary>The member-exit hazards estimated from ATOP member-level records.</summary>
/// <param name="Baseline">Model 1: <c>ln h = β0 + (k − 1)·ln(age/30)</c> (a Weibull baseline in alliance age, reference age 30).</param>
/// <param name="Covariates">Model 2: model 1 plus the §9.3 covariates the data can measure.</param>
/// <param name="Spells">Member spells in the sample.</param>
/// <param name="Exits">Spells ending in a member's exit from a standing alliance.</param>
/// <param name="DroppedYears">Member-years left out of model 2 for want of NMC military expenditure (its own or last year's).</param>
/// <param name="Notes">Sample, definitions and what the data cannot measure, in words.</param>
public sealed record MemberExitEstimate(HazardFit Baseline, HazardFit Covariates, int Spells, int Exits, int DroppedYears, IReadOnlyList<string> Notes)
{
    /// <summary>The baseline hazard at the reference age, <c>exp(β0)</c>, from model 2 (every covariate at 0).</summary>
    public double BaseHazard => Math.Exp(Covariates["intercept"]);

    /// <summary>Its standard error by the delta method.</summary>
    public double BaseHazardSe => BaseHazard * Covariates.Se("intercept");

    /// <summary>The Weibull shape <c>k = 1 + coefficient of ln(age/30)</c>, from model 2.</summary>
    public double Shape => 1 + Covariates["ln_age_30"];
}

/// <summary>
/// The yearly hazard of a member leaving a standing alliance (not the whole treaty ending),
/// estimated on ATOP 4.01 member-level records (<c>atop_member</c>) of alliances formed 1945–2016,
/// as a discrete-time complementary log-log model on member-years (model 9 §9.3), joined with NMC
/// 7.0 military expenditure and the COW major-power list.
/// </summary>
public static class MemberExitHazard
{
    /// <summary>The first alliance year in the sample (the post-1945 system; model 9 §9.2).</summary>
    public const int FirstYear = 1945;

    /// <summary>The last year of the ATOP 4.01 data.</summary>
    public const int LastYear = 2016;

    /// <summary>The reference age of the baseline, years (the simulation's <c>hazard_reference_age</c>).</summary>
    public const double ReferenceAge = 30;

    /// <summary>Years a new outside alliance counts as recent, its own year included (the simulation's <c>covariate_window</c> default).</summary>
    public const int Window = 3;

    /// <summary>
    /// The member spells: a member's phases of one alliance joined (a member with any phase still
    /// in effect has not left); an exit counts when it comes in a year before the alliance's end
    /// (or the alliance is still in effect), otherwise the spell ends with the alliance.
    /// </summary>
    public static IReadOnlyList<MemberSpell> Spells(WorldStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var alliances = store.Query($"SELECT atopid, begyr, endyr FROM {store.Require("atop_alliance")}").Rows
            .ToDictionary(r => Int(r[0]), r => (Begin: Int(r[1]), End: Int(r[2])));
        var members = store.Query($"SELECT atopid, member, yrent, yrexit FROM {store.Require("atop_member")} ORDER BY atopid, member, yrent").Rows
            .Select(r => (Id: Int(r[0]), Member: Int(r[1]), Entry: Int(r[2]), Exit: Int(r[3])));
        var spells = new List<MemberSpell>();
        foreach (var g in members.GroupBy(m => (m.Id, m.Member)))
        {
            var alliance = alliances[g.Key.Id];
            if (alliance.Begin < FirstYear)
            {
                continue;
            }

            var entry = Math.Max(alliance.Begin, g.Min(m => m.Entry));
            var stillIn = g.Any(m => m.Exit == 0);
            var exit = stillIn ? 0 : g.Max(m => m.Exit);
            var end = alliance.End == 0 ? LastYear : Math.Min(alliance.End, LastYear);
            var exited = !stillIn && exit <= LastYear && (alliance.End == 0 || exit < alliance.End);
            var last = exited ? exit : end;
            if (last >= entry)
            {
                spells.Add(new MemberSpell(g.Key.Id, g.Key.Member, alliance.Begin, entry, last, exited));
            }
        }

        return spells;
    }

    /// <summary>Estimates both models from the store's ATOP, NMC and COW major-power tables.</summary>
    public static MemberExitEstimate Estimate(WorldStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var spells = Spells(store);
        var milex = new Dictionary<(int, int), double>();
        foreach (var r in store.Query($"SELECT ccode, year, milex FROM {store.Require("nmc")} WHERE milex IS NOT NULL AND year >= {FirstYear - 1}").Rows)
        {
            milex[(Int(r[0]), Int(r[1]))] = Convert.ToDouble(r[2], CultureInfo.InvariantCulture);
        }

        var majors = store.Query($"SELECT ccode, styear, endyear FROM {store.Require("cow_majors")}").Rows
            .Select(r => (Code: Int(r[0]), From: Int(r[1]), To: Int(r[2]))).ToList();
        bool Major(int code, int year) => majors.Any(m => m.Code == code && m.From <= year && year <= m.To);

        // Members of each alliance by year, for the shares and the asymmetry; every member's entries, for new outside alliances.
        var byAlliance = spells.GroupBy(s => s.AtopId).ToDictionary(g => g.Key, g => g.ToList());
        var entries = spells.GroupBy(s => s.Member).ToDictionary(g => g.Key, g => g.Select(s => (s.AtopId, s.Entry)).ToList());
        double? Share(MemberSpell s, int year)
        {
            if (!milex.TryGetValue((s.Member, year), out var own))
            {
                return null;
            }

            var total = 0.0;
            foreach (var other in byAlliance[s.AtopId])
            {
                if (other.Entry <= year && year <= other.Last && milex.TryGetValue((other.Member, year), out var m))
                {
                    total += m;
                }
            }

            return total > 0 ? own / total : null;
        }

        string[] baseNames = ["intercept", "ln_age_30"];
        string[] fullNames = ["intercept", "ln_age_30", "beta_power_change", "beta_outside_alliance", "beta_asymmetric"];
        var baseRows = new List<double[]>();
        var baseEvents = new List<bool>();
        var fullRows = new List<double[]>();
        var fullEvents = new List<bool>();
        var dropped = 0;
        foreach (var s in spells)
        {
            for (var year = s.Entry; year <= s.Last; year++)
            {
                var age = year - s.AllianceBegin + 0.5;
                var lnAge = Math.Log(age / ReferenceAge);
                var exit = s.Exited && year == s.Last;
                baseRows.Add([1, lnAge]);
                baseEvents.Add(exit);
                var now = Share(s, year);
                var before = year > s.Entry ? Share(s, year - 1) : now;
                if (now is null || before is null)
                {
                    dropped++;
                    continue;
                }

                var outside = entries[s.Member].Any(e => e.AtopId != s.AtopId && e.Entry <= year && e.Entry > year - Window) ? 1.0 : 0.0;
                var allianceHasMajor = byAlliance[s.AtopId].Any(o => o.Entry <= year && year <= o.Last && Major(o.Member, year));
                var asymmetric = allianceHasMajor && !Major(s.Member, year) ? 1.0 : 0.0;
                fullRows.Add([1, lnAge, Math.Abs(now.Value - before.Value), outside, asymmetric]);
                fullEvents.Add(exit);
            }
        }

        var baseline = ClogLogRegression.Fit(baseNames, baseRows, baseEvents);
        var covariates = ClogLogRegression.Fit(fullNames, fullRows, fullEvents);
        var exits = spells.Count(s => s.Exited);
        return new MemberExitEstimate(baseline, covariates, spells.Count, exits, dropped,
        [
            $"sample: ATOP 4.01 member-level records of the {spells.Select(s => s.AtopId).Distinct().Count()} alliances formed {FirstYear}-{LastYear}; {spells.Count} member spells (a member's phases joined), {baseRows.Count} member-years, {exits} exits of a member from an alliance that went on",
            "event: the member's exit year (yrexit) before the alliance's end year (endyr), or with the alliance still in effect; a member leaving in the year the alliance ends is counted with the alliance's end, not as an exit",
            $"model: discrete-time complementary log-log on member-years, P(exit) = 1 - exp(-h), ln h = b0 + (k - 1) ln(age/{ReferenceAge}) + sum b_j x_j, age = alliance age at mid-year; Newton-Raphson, standard errors from the observed information",
            $"covariates: power change = |s_t - s_(t-1)|, s the member's share of its alliance members' NMC 7.0 military expenditure; new outside alliance = the member entered another ATOP alliance within {Window} years (its year included); asymmetric = the alliance has a COW major power and the member is not one; {dropped} member-years without NMC expenditure are left out of the covariate model",
            "not measurable with the shipped data, so left at 0: regime change, democracy (no regime data), issue linkage (the ATOP provision codes are not documented here), threat",
        ]);
    }

    private static int Int(object? value) => value is null or DBNull ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
