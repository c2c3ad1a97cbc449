using System.Globalization;
using DuckDB.NET.Data;

namespace Linchpin.Data;

/// <summary>How much of a dataset a store holds, as <c>linchpin data list</c> shows it.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Rows">Rows in its table.</param>
public sealed record DatasetStatus(DatasetInfo Dataset, long Rows);

/// <summary>
/// The embedded DuckDB database that holds the world's data: one table per dataset, loaded on
/// first use from the embedded copy (or the user's import). In memory unless a database file is
/// given, in which case loaded tables are kept and reused while their version is unchanged.
/// </summary>
public sealed class WorldStore : IDisposable
{
    private const string MetaTable = "linchpin_datasets";

    private readonly DuckDBConnection _connection;
    private readonly StoreOptions _options;
    private readonly Dictionary<string, DatasetInfo> _catalog;
    private readonly HashSet<string> _loaded = new(StringComparer.OrdinalIgnoreCase);
    private bool _locked;

    private WorldStore(DuckDBConnection connection, StoreOptions options)
    {
        _connection = connection;
        _options = options;
        _catalog = DatasetCatalog.Shipped.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var imported in ImportedDatasets.ReadAll(options.ImportFolder))
        {
            _catalog[imported.Name] = imported;
        }

        // Nothing Linchpin runs needs an extension beyond those built in: never fetch one.
        Execute("SET autoinstall_known_extensions = false");
        Execute("SET autoload_known_extensions = false");
        Execute($"CREATE TABLE IF NOT EXISTS {MetaTable} (name VARCHAR PRIMARY KEY, version VARCHAR, fingerprint VARCHAR, rows BIGINT)");
    }

    /// <summary>Opens a store.</summary>
    /// <exception cref="LinchpinException">The database file cannot be opened.</exception>
    public static WorldStore Open(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var source = options.DatabasePath is null ? ":memory:" : options.DatabasePath;
        if (options.DatabasePath is not null)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath));
            if (folder is not null && !Directory.Exists(folder))
            {
                throw new LinchpinException($"{options.DatabasePath}: cannot open database: folder '{folder}' does not exist");
            }
        }

        var connection = new DuckDBConnection($"DataSource={source}");
        try
        {
            connection.Open();
        }
        catch (DuckDBException ex)
        {
            connection.Dispose();
            throw new LinchpinException(ErrorKind.Data, $"{options.DatabasePath}: cannot open database: {FirstLine(ex.Message)}", ex);
        }

        return new WorldStore(connection, options);
    }

    /// <summary>Every dataset this store can serve: the shipped ones, then the user's imports.</summary>
    public IReadOnlyList<DatasetInfo> Datasets =>
        [.. _catalog.Values.OrderBy(d => d.Origin).ThenBy(d => IndexInCatalog(d)).ThenBy(d => d.Name, StringComparer.Ordinal)];

    /// <summary>The dataset of the given name.</summary>
    /// <exception cref="LinchpinException">No such dataset (bad input), with the known names.</exception>
    public DatasetInfo Dataset(string name)
    {
        if (_catalog.TryGetValue(name, out var dataset))
        {
            return dataset;
        }

        var hint = ImportedDatasets.ImportableNames.Contains(name, StringComparer.OrdinalIgnoreCase)
            ? $" (not shipped: import your own copy with 'linchpin data import {ImportedDatasets.ImportKind(name)} FILE')"
            : $" (known: {string.Join(", ", _catalog.Keys.Order(StringComparer.Ordinal))})";
        throw new LinchpinException($"unknown dataset '{name}'{hint}");
    }

    /// <summary>Loads a dataset's table if it is not loaded yet; returns the table name.</summary>
    public string Require(string name)
    {
        var dataset = Dataset(name);
        if (_loaded.Contains(dataset.Name))
        {
            return dataset.Name;
        }

        if (_locked)
        {
            throw new LinchpinException($"dataset '{dataset.Name}' was not loaded before the store was locked for a user query");
        }

        var (path, fingerprint) = dataset.Origin == DatasetOrigin.Shipped ? ExtractShipped(dataset) : ImportedDatasets.Locate(_options.ImportFolder, dataset);
        var known = ScalarOrNull($"SELECT fingerprint FROM {MetaTable} WHERE name = $name", ("name", dataset.Name)) as string;
        if (known != fingerprint)
        {
            Execute($"DROP TABLE IF EXISTS {Quote(dataset.Name)}");
            Execute($"CREATE TABLE {Quote(dataset.Name)} AS SELECT * FROM {ReadCsv(path, dataset.Columns)}");
            var rows = Convert.ToInt64(ScalarOrNull($"SELECT count(*) FROM {Quote(dataset.Name)}"), CultureInfo.InvariantCulture);
            Execute($"DELETE FROM {MetaTable} WHERE name = $name", ("name", dataset.Name));
            Execute(
                $"INSERT INTO {MetaTable} VALUES ($name, $version, $fingerprint, $rows)",
                ("name", dataset.Name), ("version", dataset.Version), ("fingerprint", fingerprint), ("rows", rows));
        }

        _loaded.Add(dataset.Name);
        return dataset.Name;
    }

    /// <summary>The datasets loaded so far (by <see cref="Require"/>), in name order: what the results so far have read.</summary>
    public IReadOnlyList<DatasetInfo> Loaded => [.. _loaded.Order(StringComparer.Ordinal).Select(Dataset)];

    /// <summary>Loads every dataset and reports its row count.</summary>
    public IReadOnlyList<DatasetStatus> Status() =>
        [.. Datasets.Select(d => new DatasetStatus(d, Convert.ToInt64(ScalarOrNull($"SELECT count(*) FROM {Quote(Require(d.Name))}"), CultureInfo.InvariantCulture)))];

    /// <summary>
    /// Runs a query written by the library itself (trusted SQL) and returns its result. Datasets it
    /// names must have been loaded with <see cref="Require"/>.
    /// </summary>
    public ResultTable Query(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = Run(command);
        return ReadAll(reader);
    }

    /// <summary>
    /// Runs a user's query, read-only: one SELECT statement over the dataset tables. Datasets it
    /// names are loaded first; then the store is locked (<see cref="Lock"/>), so DuckDB itself
    /// refuses any file, network or extension access the query attempts.
    /// </summary>
    /// <exception cref="LinchpinException">Not a single SELECT, or the query fails (including every attempt to reach a file).</exception>
    public ResultTable QueryReadOnly(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        LoadNamedIn(sql);
        Lock();
        UserSql.CheckSingleSelect(Serialize(sql));
        return Query(sql);
    }

    /// <summary>
    /// The SELECT of a dataset's rows matching a user's condition (<c>--where</c>), checked to be
    /// one expression over that table's columns: no subquery, no set operation, no clause beyond
    /// the condition. Run it with <see cref="QueryReadOnly"/> or <see cref="ExportReadOnly"/>.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="where">The condition, or <c>null</c> for every row.</param>
    /// <param name="limit">At most this many rows, or <c>null</c>.</param>
    /// <exception cref="LinchpinException">Unknown dataset, or the condition is not a single expression.</exception>
    public string SelectRows(string dataset, string? where, int? limit)
    {
        var table = Require(dataset);
        var sql = $"SELECT * FROM {Quote(table)}";
        if (!string.IsNullOrWhiteSpace(where))
        {
            sql += $" WHERE ({where})";
            UserSql.CheckCondition(Serialize(sql), table);
        }

        return limit is { } rows ? $"{sql} LIMIT {rows.ToString(CultureInfo.InvariantCulture)}" : sql;
    }

    /// <summary>
    /// Writes the result of a user's query to <paramref name="outPath"/> like <see cref="Export"/>,
    /// on the locked store: the only file DuckDB may then touch is the temporary output file.
    /// </summary>
    /// <returns>The number of rows written.</returns>
    /// <exception cref="LinchpinException">Not a single SELECT, the query fails, or the file cannot be written.</exception>
    public long ExportReadOnly(string sql, string outPath, Provenance? provenance = null)
    {
        ArgumentNullException.ThrowIfNull(sql);
        LoadNamedIn(sql);
        UserSql.CheckSingleSelect(Serialize(sql));
        return CopyOut(sql, outPath, provenance, lockTo: true);
    }

    /// <summary>
    /// Writes the result of a trusted query to <paramref name="outPath"/>, as CSV, Parquet or JSON
    /// by its extension, through a temporary file. Missing values are empty CSV fields, Parquet
    /// nulls and JSON nulls. <paramref name="provenance"/> (if given) is recorded inside a Parquet
    /// file and beside a CSV or JSON file (see <see cref="Provenance.WriteWith"/>: the file and its sidecar are written together).
    /// </summary>
    /// <returns>The number of rows written.</returns>
    public long Export(string sql, string outPath, Provenance? provenance = null) => CopyOut(sql, outPath, provenance, lockTo: false);

    private long CopyOut(string sql, string outPath, Provenance? provenance, bool lockTo)
    {
        var format = ExportFormat(outPath);
        if (provenance is not null && Provenance.IsEmbeddedIn(outPath))
        {
            format += $", KV_METADATA {{{Literal(Provenance.MetadataKey)}: {Literal(provenance.ToJson())}}}";
        }

        long rows = 0;
        void Write(string temp)
        {
            if (lockTo)
            {
                Lock(temp);
            }

            // The temporary file exists already, and DuckDB would otherwise write a second one beside it.
            rows = Execute($"COPY ({sql}) TO {Literal(temp)} ({format}, USE_TMP_FILE false)");
        }

        if (provenance is null)
        {
            AtomicFile.Write(outPath, Write);
        }
        else
        {
            provenance.WriteWith(outPath, Write);
        }

        return rows;
    }

    /// <summary>
    /// Locks the store for user SQL: no file or network access from SQL (beyond
    /// <paramref name="allowedPaths"/>), no extension installed or loaded, and the configuration
    /// locked so a query cannot set any of it back. Tables already loaded stay queryable (a
    /// database file given with <c>--db</c> included); no dataset can be loaded afterwards.
    /// </summary>
    private void Lock(params string[] allowedPaths)
    {
        if (_locked)
        {
            return;
        }

        if (allowedPaths.Length > 0)
        {
            Execute($"SET allowed_paths = [{string.Join(", ", allowedPaths.Select(Literal))}]");
        }

        Execute("SET enable_external_access = false");
        Execute("SET lock_configuration = true");
        _locked = true;
    }

    /// <summary>Loads every dataset whose name occurs in <paramref name="sql"/>, so a user query finds its tables.</summary>
    private void LoadNamedIn(string sql)
    {
        foreach (var dataset in _catalog.Values)
        {
            if (sql.Contains(dataset.Name, StringComparison.OrdinalIgnoreCase))
            {
                Require(dataset.Name);
            }
        }
    }

    /// <summary>DuckDB's own parse of <paramref name="sql"/>, as JSON (<c>json_serialize_sql</c>).</summary>
    private string Serialize(string sql) => ScalarOrNull($"SELECT json_serialize_sql({Literal(sql)})") as string ?? "";

    /// <summary>Runs a trusted statement; returns the rows it affected (for COPY, the rows written).</summary>
    internal int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        try
        {
            return command.ExecuteNonQuery();
        }
        catch (DuckDBException ex)
        {
            throw Translate(ex);
        }
    }

    /// <summary>Runs a trusted query and returns its first value, or <c>null</c>.</summary>
    internal object? ScalarOrNull(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        try
        {
            var value = command.ExecuteScalar();
            return value is DBNull ? null : value;
        }
        catch (DuckDBException ex)
        {
            throw Translate(ex);
        }
    }

    /// <summary>A <c>read_csv(...)</c> table expression for a file with the given columns (or detected ones).</summary>
    internal static string ReadCsv(string path, IReadOnlyList<ColumnInfo>? columns)
    {
        if (columns is null)
        {
            return $"read_csv({Literal(path)}, header = true, sample_size = -1, nullstr = ['', 'NA'])";
        }

        var spec = string.Join(", ", columns.Select(c => $"{Literal(c.Name)}: {Literal(c.SqlType)}"));
        return $"read_csv({Literal(path)}, header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', nullstr = '', columns = {{{spec}}})";
    }

    /// <summary>A SQL string literal.</summary>
    internal static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A quoted SQL identifier.</summary>
    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private static string ExportFormat(string outPath) => Path.GetExtension(outPath).ToLowerInvariant() switch
    {
        ".csv" => "FORMAT csv, HEADER true",
        ".parquet" => "FORMAT parquet",
        ".json" => "FORMAT json, ARRAY true",
        var other => throw new LinchpinException($"{outPath}: unknown output format '{other}' (use .csv, .parquet or .json)"),
    };

    private static int IndexInCatalog(DatasetInfo dataset)
    {
        for (var i = 0; i < DatasetCatalog.Shipped.Count; i++)
        {
            if (DatasetCatalog.Shipped[i].Name == dataset.Name)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private (string Path, string Fingerprint) ExtractShipped(DatasetInfo dataset)
    {
        // The module version id changes with every build, so a cache from another build is never reused.
        var build = typeof(WorldStore).Assembly.ManifestModule.ModuleVersionId.ToString("N");
        var folder = Path.Combine(_options.CacheFolder, build);
        var path = Path.Combine(folder, dataset.FileName);
        if (!File.Exists(path))
        {
            try
            {
                Directory.CreateDirectory(folder);
                AtomicFile.Write(path, temp =>
                {
                    using var source = DatasetCatalog.OpenShipped(dataset);
                    using var target = File.Create(temp);
                    source.CopyTo(target);
                });
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LinchpinException)
            {
                throw new LinchpinException(ErrorKind.Data, $"{folder}: cannot unpack the built-in data there ({FirstLine(ex.Message)}); set LINCHPIN_HOME to a writable folder", ex);
            }
        }

        return (path, $"{dataset.Version}:{build}");
    }

    private DuckDBCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        }

        return command;
    }

    private static DuckDBDataReader Run(DuckDBCommand command)
    {
        try
        {
            return command.ExecuteReader();
        }
        catch (DuckDBException ex)
        {
            throw Translate(ex);
        }
    }

    private static ResultTable ReadAll(DuckDBDataReader reader)
    {
        var columns = new ResultColumn[reader.FieldCount];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = new ResultColumn(reader.GetName(i), reader.GetFieldType(i));
        }

        var rows = new List<IReadOnlyList<object?>>();
        while (reader.Read())
        {
            var row = new object?[columns.Length];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return new ResultTable(columns, rows);
    }

    private static LinchpinException Translate(DuckDBException ex) =>
        new(ErrorKind.BadInput, "query failed: " + FirstLine(ex.Message), ex);

    internal static string FirstLine(string message)
    {
        var line = message.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? message;
        return line.Trim();
    }
}
