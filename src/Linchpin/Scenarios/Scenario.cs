using System.Security.Cryptography;
using System.Text;
using Linchpin.Simulation;

namespace Linchpin.Scenarios;

/// <summary>
/// An ally as a scenario names it: by ISO3 code, with overrides of what the world data say at the
/// start year (<c>null</c>: take it from the data).
/// </summary>
/// <param name="Iso3">ISO3 code.</param>
/// <param name="Gdp">GDP override (the scenario's money unit), or <c>null</c>.</param>
/// <param name="PctGdp">Defence spending override, % of GDP, or <c>null</c>.</param>
/// <param name="Growth">Real GDP growth per year, or <c>null</c> for the scenario default.</param>
/// <param name="Theatre">Theatre, or <c>null</c> for the scenario default.</param>
/// <param name="Belief">Prior belief in the patron's commitment, or <c>null</c> for the default.</param>
/// <param name="TroopsHosted">Patron troops hosted (thousands), or <c>null</c> for 0.</param>
/// <param name="AllianceAge">Years the alliance has run, or <c>null</c> for the default.</param>
/// <param name="OutsideOption">Outside option, or <c>null</c> for the default.</param>
/// <param name="CostSharing">A cost-sharing agreement, or <c>null</c>.</param>
/// <param name="Democracy">Whether the ally is a democracy (a hazard trait), or <c>null</c> for the default.</param>
/// <param name="IssueLinkage">Whether the alliance is linked to other issues, or <c>null</c> for the default.</param>
/// <param name="Asymmetric">Whether the alliance is asymmetric, or <c>null</c> for the default.</param>
/// <param name="Treaty">The ATOP id of the treaty whose club good the ally's spending belongs to, or <c>null</c> for the one the data give.</param>
public sealed record AllySpec(
    string Iso3, double? Gdp = null, double? PctGdp = null, double? Growth = null, string? Theatre = null, double? Belief = null,
    double? TroopsHosted = null, double? AllianceAge = null, double? OutsideOption = null, CostSharingSetup? CostSharing = null,
    bool? Democracy = null, bool? IssueLinkage = null, bool? Asymmetric = null, int? Treaty = null);

/// <summary>The patron as a scenario names it.</summary>
/// <param name="Iso3">ISO3 code.</param>
/// <param name="Gdp">GDP override, or <c>null</c>.</param>
/// <param name="PctGdp">Spending override, % of GDP, or <c>null</c>.</param>
/// <param name="Growth">Real GDP growth per year.</param>
/// <param name="Reach">Share of its spending that protects the allies.</param>
public sealed record PatronSpec(string Iso3, double? Gdp, double? PctGdp, double Growth, double Reach);

/// <summary>
/// A scenario: a start year, the actors (by code, with overrides), the doctrine, the shocks and
/// the model parameters. Read from YAML by <see cref="ScenarioFile"/>; turned into a
/// <see cref="SimulationSetup"/> with the world data by <c>Data.ScenarioWorld</c>.
/// </summary>
/// <param name="Name">Short name (<c>sma-2019</c>).</param>
/// <param name="Title">One-line title.</param>
/// <param name="Description">What the scenario represents and where its numbers come from.</param>
/// <param name="StartYear">Start year.</param>
/// <param name="Years">Simulated years.</param>
/// <param name="Patron">The patron.</param>
/// <param name="NatoAllies">Whether to add every NATO ally of the start year (other than the patron) not listed.</param>
/// <param name="NatoEdition">NATO edition for start-year spending, or <c>null</c> for the fullest one.</param>
/// <param name="Allies">Allies listed explicitly (or overriding NATO allies).</param>
/// <param name="Defaults">Defaults for allies (growth, theatre, belief, age, outside option).</param>
/// <param name="Theatres">Theatre of each listed ISO3 (a shorthand for many allies).</param>
/// <param name="Doctrine">The patron's doctrine.</param>
/// <param name="Shocks">The shocks.</param>
/// <param name="Parameters">Model parameters.</param>
/// <param name="Text">The scenario file's text (hashed into manifests).</param>
/// <param name="Warnings">What is valid but doubtful (e.g. a hazard coefficient against the literature's sign), one line each naming file, line and field.</param>
/// <param name="File">The file the scenario was read from, for messages.</param>
/// <param name="Lines">Where things are in the file, for messages about the data they ask for: <c>start</c>, <c>patron</c>, and each listed ally's ISO3 code.</param>
/// <param name="AllowMixedBasis">Whether an actor without a start-year figure on the scenario's price basis may start from NMC current-US$ spending over Maddison PPP GDP (with a warning); otherwise that is an error.</param>
public sealed record Scenario(
    string Name, string Title, string Description, int StartYear, int Years, PatronSpec Patron, bool NatoAllies, string? NatoEdition,
    IReadOnlyList<AllySpec> Allies, AllySpec Defaults, IReadOnlyDictionary<string, string> Theatres, Doctrine Doctrine,
    IReadOnlyList<ShockSetup> Shocks, SimulationParameters Parameters, string Text, IReadOnlyList<string>? Warnings = null,
    string File = "", IReadOnlyDictionary<string, long>? Lines = null,
    bool AllowMixedBasis = false)
{
    /// <summary>An error in the scenario at the line of <paramref name="key"/> (see <see cref="Lines"/>), naming <paramref name="field"/>.</summary>
    public LinchpinException ErrorAt(string key, string field, string problem) =>
        LinchpinException.InFile(File.Length > 0 ? File : Name, Lines?.GetValueOrDefault(key) ?? 0, field, problem);

    /// <summary>SHA-256 of the scenario text (lower-case hex).</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text)));
}
