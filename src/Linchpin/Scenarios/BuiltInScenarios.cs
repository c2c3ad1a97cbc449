namespace Linchpin.Scenarios;

/// <summary>The scenarios shipped with Linchpin, embedded in the library, and the scenario JSON Schema.</summary>
public static class BuiltInScenarios
{
    private const string Prefix = "Linchpin.Scenarios.";

    /// <summary>The built-in scenario names, in a fixed order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["sma-2019", "reset-2021", "scs-2024", "nato-2014", "article5-2017", "esper-2019", "opcon-2020", "japan-hns-2021"];

    /// <summary>The JSON Schema of scenario files (draft 2020-12).</summary>
    public static string Schema => Read("scenario.schema.json");

    /// <summary>The text of a built-in scenario.</summary>
    /// <exception cref="LinchpinException">No built-in scenario has that name.</exception>
    public static string Text(string name) =>
        Names.Contains(name, StringComparer.Ordinal)
            ? Read(name + ".yaml")
            : throw new LinchpinException($"unknown scenario '{name}': the built-in scenarios are {string.Join(", ", Names)} (or give a file)");

    /// <summary>A built-in scenario, parsed.</summary>
    public static Scenario Load(string name) => ScenarioFile.Parse(Text(name), name + ".yaml");

    private static string Read(string resource)
    {
        using var stream = typeof(BuiltInScenarios).Assembly.GetManifestResourceStream(Prefix + resource)
            ?? throw new InvalidOperationException($"resource {resource} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
