using System.Globalization;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using Linchpin.Scenarios;
using Linchpin.Validation;

namespace Linchpin.Data;

/// <summary>
/// A posterior on disk: <c>posterior.parquet</c> (one row per particle: <c>particle</c>,
/// <c>distance</c>, then one column per parameter; the scenario's name and SHA-256, the method and
/// the targets in the file's key-value metadata) and <c>posterior.json</c> beside it (the priors
/// and each parameter's posterior mean, standard deviation and 5–95 % range).
/// </summary>
public static class PosteriorFile
{
    /// <summary>Writes the Parquet file at <paramref name="path"/> and its JSON summary beside it (same name, <c>.json</c>), each atomically.</summary>
    public static void Write(string path, Posterior posterior, Provenance? provenance = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(posterior);
        var columns = new List<ParquetColumn>
        {
            new("particle", Integers: [.. Enumerable.Range(0, posterior.Particles.Count)]),
            new("distance", Doubles: [.. posterior.Distances]),
        };
        columns.AddRange(posterior.Priors.Select((p, j) => new ParquetColumn(p.Name, Doubles: [.. posterior.Particles.Select(x => x[j])])));
        var metadata = new Dictionary<string, string>
        {
            ["linchpin.scenario"] = posterior.Scenario,
            ["linchpin.scenario_sha256"] = posterior.ScenarioHash,
            ["linchpin.method"] = posterior.Method,
            ["linchpin.targets"] = posterior.Targets,
            ["linchpin.last_year"] = posterior.LastYear.ToString(CultureInfo.InvariantCulture),
            ["linchpin.epsilon"] = posterior.Epsilon.ToString("R", CultureInfo.InvariantCulture),
            ["linchpin.draws"] = posterior.Draws.ToString(CultureInfo.InvariantCulture),
            ["linchpin.priors"] = string.Join(";", posterior.Priors.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name},{p.Lower:R},{p.Upper:R}"))),
        };
        if (provenance is not null)
        {
            metadata[Provenance.MetadataKey] = provenance.ToJson();
        }

        // The Parquet file, its summary and the summary's provenance sidecar are written together: all or none.
        var summary = Path.ChangeExtension(path, ".json");
        var files = new List<(string, Action<string>)>
        {
            (path, temp =>
            {
                using var file = File.Create(temp);
                DyadParquet.WriteTable(columns, metadata, file);
            }),
            (summary, temp => File.WriteAllText(temp, SummaryJson(posterior))),
        };
        if (provenance is not null)
        {
            files.Add((Provenance.SidecarPath(summary), temp => File.WriteAllText(temp, provenance.ToJson(indented: true))));
        }

        AtomicFile.WriteAll(files);
    }

    /// <summary>The posterior's JSON summary.</summary>
    public static string SummaryJson(Posterior posterior)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("scenario", posterior.Scenario);
            json.WriteString("scenario_sha256", posterior.ScenarioHash);
            json.WriteString("method", posterior.Method);
            json.WriteString("targets", posterior.Targets);
            json.WriteNumber("last_year_fitted", posterior.LastYear);
            json.WriteNumber("draws", posterior.Draws);
            json.WriteNumber("accepted", posterior.Particles.Count);
            json.WriteNumber("epsilon", posterior.Epsilon);
            json.WriteStartArray("parameters");
            for (var j = 0; j < posterior.Priors.Count; j++)
            {
                var p = posterior.Priors[j];
                var (mean, sd, low, high) = posterior.Summary(j);
                json.WriteStartObject();
                json.WriteString("parameter", p.Name);
                json.WriteNumber("prior_lower", p.Lower);
                json.WriteNumber("prior_upper", p.Upper);
                json.WriteString("prior_source", p.Source);
                json.WriteNumber("mean", mean);
                json.WriteNumber("sd", sd);
                json.WriteNumber("p05", low);
                json.WriteNumber("p95", high);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads a posterior written by <see cref="Write"/> and checks it belongs to <paramref name="scenario"/>.</summary>
    /// <exception cref="LinchpinException">The file cannot be read, is not a posterior, or comes from another scenario (or another version of it).</exception>
    public static Posterior Read(string path, Scenario scenario, string option = "--posterior")
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(scenario);
        if (!File.Exists(path))
        {
            throw new LinchpinException($"{option} {path}: no such file");
        }

        var full = Path.GetFullPath(path).Replace("'", "''", StringComparison.Ordinal);
        try
        {
            using var connection = new DuckDBConnection("DataSource=:memory:");
            connection.Open();
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT decode(key), decode(value) FROM parquet_kv_metadata('{full}')";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    metadata[reader.GetString(0)] = reader.GetString(1);
                }
            }

            string Meta(string key) => metadata.TryGetValue(key, out var v) ? v : throw new LinchpinException($"{option} {path}: not a posterior file (no {key})");
            var name = Meta("linchpin.scenario");
            var hash = Meta("linchpin.scenario_sha256");
            if (name != scenario.Name || hash != scenario.Hash)
            {
                throw new LinchpinException(name != scenario.Name
                    ? $"{option} {path}: the posterior is of scenario '{name}', not '{scenario.Name}'"
                    : $"{option} {path}: the posterior is of another version of scenario '{name}' (SHA-256 {hash[..12]}…, this one {scenario.Hash[..12]}…)");
            }

            var priors = Meta("linchpin.priors").Split(';').Select(entry =>
            {
                var cells = entry.Split(',');
                return Prior.Create(cells[0], double.Parse(cells[1], CultureInfo.InvariantCulture), double.Parse(cells[2], CultureInfo.InvariantCulture), "posterior file", $"{option} {path}");
            }).ToList();
            var particles = new List<double[]>();
            var distances = new List<double>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT distance, {string.Join(", ", priors.Select(p => $"\"{p.Name}\""))} FROM read_parquet('{full}') ORDER BY particle";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    distances.Add(reader.GetDouble(0));
                    particles.Add([.. priors.Select((_, j) => reader.GetDouble(j + 1))]);
                }
            }

            return particles.Count == 0
                ? throw new LinchpinException($"{option} {path}: the posterior has no particles")
                : new Posterior(name, hash, priors, particles, distances, double.Parse(Meta("linchpin.epsilon"), CultureInfo.InvariantCulture),
                    int.Parse(Meta("linchpin.draws"), CultureInfo.InvariantCulture), Meta("linchpin.method"), Meta("linchpin.targets"),
                    int.Parse(Meta("linchpin.last_year"), CultureInfo.InvariantCulture));
        }
        catch (DuckDBException ex)
        {
            throw new LinchpinException($"{option} {path}: not a readable Parquet file ({WorldStore.FirstLine(ex.Message)})", ex);
        }
    }
}
