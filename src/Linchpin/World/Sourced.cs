namespace Linchpin.World;

/// <summary>
/// A value and the dataset it comes from (e.g. <c>nmc 7.0</c>). A value that is not known is a
/// <c>null</c> <see cref="Sourced{T}"/>, never zero.
/// </summary>
/// <typeparam name="T">Value type.</typeparam>
/// <param name="Value">The value, in the units the source documents.</param>
/// <param name="Source">Dataset name and version, e.g. <c>nmc 7.0</c>.</param>
public sealed record Sourced<T>(T Value, string Source);

/// <summary>One state in one year: the measures Linchpin models with, each nullable and tagged with its source.</summary>
/// <param name="Code">COW state code.</param>
/// <param name="Year">Calendar year.</param>
/// <param name="Population">Population, thousands.</param>
/// <param name="Gdp">Real GDP, millions of 2017 international dollars (PPP).</param>
/// <param name="MilitaryExpenditure">Military expenditure, thousands of current US$ (NMC).</param>
/// <param name="MilitaryPersonnel">Military personnel, thousands.</param>
/// <param name="IronSteel">Iron and steel production, thousands of tons.</param>
/// <param name="EnergyConsumption">Primary energy consumption, thousands of coal-ton equivalents.</param>
/// <param name="UrbanPopulation">Urban population, thousands.</param>
/// <param name="Cinc">Composite Index of National Capability, a share in [0, 1].</param>
public sealed record CountryYear(
    CowCode Code,
    int Year,
    Sourced<double>? Population,
    Sourced<double>? Gdp,
    Sourced<double>? MilitaryExpenditure,
    Sourced<double>? MilitaryPersonnel,
    Sourced<double>? IronSteel,
    Sourced<double>? EnergyConsumption,
    Sourced<double>? UrbanPopulation,
    Sourced<double>? Cinc);
