using System.Text;

namespace Linchpin.Cli.Tests;

/// <summary>
/// A corpus of bad command lines across every command — bad numbers (NaN, ±∞, overflow, out of
/// range), unknown options, missing or extra arguments, malformed, truncated, deeply nested,
/// oversized and unreadable input files, out-of-coverage requests and SQL that reaches beyond the
/// tables — each of which must fail cleanly: exit code 2 or 3, exactly one line on standard error,
/// no internal error or stack trace, and nothing created in the Linchpin folder, the output path,
/// the working folder or the user's home folder.
/// </summary>
public sealed class BadInputCorpusTests : IClassFixture<BadInputCorpusTests.Workspace>
{
    private const string Home = "{home}";

    private readonly Workspace _workspace;

    public BadInputCorpusTests(Workspace workspace) => _workspace = workspace;

    public static TheoryData<string> Cases => [.. Corpus().Select(c => c.Name)];

    [Fact]
    public void The_corpus_holds_at_least_600_bad_command_lines()
    {
        var cases = Corpus();

        Assert.True(cases.Count >= 600, $"{cases.Count} cases");
        Assert.Equal(cases.Count, cases.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_command_line_fails_with_one_line_and_leaves_nothing_behind(string name)
    {
        var args = Corpus().Single(c => c.Name == name).Args.Select(a => a.Replace(Home, _workspace.Runner.Home, StringComparison.Ordinal)).ToArray();
        var before = _workspace.Snapshot();

        var (exit, _, error) = _workspace.Runner.Run(args);

        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(exit is 2 or 3, $"exit {exit}: {error}");
        Assert.True(lines.Length == 1, $"{lines.Length} lines on standard error: {error}");
        Assert.StartsWith("linchpin: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal(before, _workspace.Snapshot());
    }

    /// <summary>The Linchpin folder with its data unpacked and the input files the corpus refers to.</summary>
    public sealed class Workspace : IDisposable
    {
        public Workspace()
        {
            var (exit, _, error) = Runner.Run("data", "list", "--format", "csv");
            Assert.True(exit == 0, error);
            Directory.CreateDirectory(Runner.File("in"));
            Directory.CreateDirectory(Runner.File("in/folder"));
            foreach (var (file, content) in Files())
            {
                File.WriteAllBytes(Runner.File("in/" + file), content);
            }

            foreach (var file in new[] { "big.yaml", "big.csv" })
            {
                // Sparse: the size is refused before a byte is read.
                using var stream = File.Create(Runner.File("in/" + file));
                stream.SetLength(file.EndsWith(".csv", StringComparison.Ordinal) ? 300L << 20 : 17L << 20);
            }

            Directory.CreateDirectory(Runner.File("out"));
        }

        public CliRunner Runner { get; } = new();

        /// <summary>Every file and folder under the Linchpin folder, the working folder and the home folder's DuckDB folder, with sizes.</summary>
        public string Snapshot()
        {
            var text = new StringBuilder();
            foreach (var root in new[] { Runner.Home, Directory.GetCurrentDirectory() })
            {
                foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", root == Runner.Home ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
                {
                    text.Append(entry).Append(' ').Append(File.Exists(entry) ? new FileInfo(entry).Length : -1).Append('\n');
                }
            }

            var duckdb = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".duckdb");
            text.Append("~/.duckdb ").Append(Directory.Exists(duckdb) ? Directory.EnumerateFileSystemEntries(duckdb, "*", SearchOption.AllDirectories).Count() : -1);
            return text.ToString();
        }

        public void Dispose() => Runner.Dispose();
    }

    private static List<(string Name, string[] Args)> Corpus()
    {
        var cases = new List<(string Name, string[] Args)>();
        void Add(params string[] args) => cases.Add((string.Join(' ', args), args));

        // Bad numbers: each option with values that are not numbers, not finite, overflow its type or lie outside its range.
        string[] notNumbers = ["abc", "", "1,5", "0x10", "--", "1 2", "NaN", "nan", "Infinity", "-Infinity", "∞", "1e400", "-1e400"];
        string[] notWhole = [.. notNumbers, "1.5", "1e3", "99999999999999999999", "-99999999999999999999"];
        var numeric = new (string[] Command, string Option, string[] Bad)[]
        {
            (["simulate", "--scenario", "nato-2014"], "--runs", [.. notWhole, "0", "-1", "1000001", "2147483648"]),
            (["simulate", "--scenario", "nato-2014"], "--threads", [.. notWhole, "0", "-1", "1025"]),
            (["simulate", "--scenario", "nato-2014"], "--seed", [.. notWhole, "-1", "18446744073709551616"]),
            (["backtest", "nato-2014"], "--runs", [.. notWhole, "0", "-1", "1000001"]),
            (["backtest", "nato-2014"], "--seed", ["-1", "abc", "1.5", "18446744073709551616"]),
            (["report", "--out", Home + "/out/r.html"], "--runs", ["0", "-1", "100001", "abc", "NaN", "1.5"]),
            (["report", "--out", Home + "/out/r.html"], "--seed", ["-1", "abc", "NaN"]),
            (["landscape", "--year", "2000", "--states", "USA,CHN,RUS", "--derive-propensities"], "--rivalry-weight", [.. notNumbers, "-1", "-0.001", "1000.5", "1e308"]),
            (["landscape", "--input", Home + "/in/landscape.yaml"], "--coalitions", [.. notWhole, "0", "1", "-2", "1001"]),
            (["landscape", "--input", Home + "/in/landscape.yaml"], "--starts", [.. notWhole, "0", "-1", "10000001"]),
            (["landscape", "--input", Home + "/in/landscape.yaml"], "--seed", ["abc", "1.5", "NaN", "99999999999"]),
            (["landscape", "--states", "USA,CHN,RUS"], "--year", ["abc", "NaN", "1.5", "99999999999"]),
            (["game", "shapley", "--input", Home + "/in/cost.yaml"], "--permutations", [.. notWhole, "0", "1", "-1", "100000001"]),
            (["game", "shapley", "--input", Home + "/in/cost.yaml"], "--seed", ["abc", "NaN", "1.5"]),
            (["game", "expected-utility", "--input", Home + "/in/eu.yaml"], "--rounds", [.. notWhole, "-1", "1001"]),
            (["similarity", "--a", "USA", "--b", "GBR", "--year", "2000"], "--dmax", [.. notNumbers, "0", "-1", "1e7"]),
            (["similarity", "--a", "USA", "--b", "GBR"], "--year", ["abc", "NaN", "1.5", "99999999999"]),
            (["similarity", "--all", "--out", Home + "/out/s.csv"], "--from", ["abc", "NaN", "1.5"]),
            (["similarity", "--all", "--out", Home + "/out/s.csv"], "--to", ["abc", "Infinity", "1.5"]),
            (["dyads", "--with", "eu", "--from", "2000", "--to", "2000", "--out", Home + "/out/d.csv"], "--eu-risk", [.. notNumbers, "2", "-1.5", "1.0001"]),
            (["dyads", "--out", Home + "/out/d.csv"], "--from", ["abc", "NaN", "1.5", "99999999999"]),
            (["dyads", "--out", Home + "/out/d.csv"], "--to", ["abc", "NaN", "1.5"]),
            (["duration"], "--censor-year", [.. notNumbers]),
            (["sensitivity", "--function", "ishigami"], "--samples", [.. notWhole, "0", "1", "-1", "2097152"]),
            (["sensitivity", "--function", "ishigami"], "--seeds", [.. notWhole, "0", "-1", "100001"]),
            (["sensitivity", "--function", "ishigami"], "--resamples", ["-1", "abc", "NaN", "100001"]),
            (["sensitivity", "--function", "ishigami"], "--threads", ["0", "-1", "abc", "1025"]),
            (["sensitivity", "--function", "ishigami"], "--seed", ["-1", "abc", "NaN"]),
            (["sensitivity", "--function", "sobol-g"], "--a", ["abc", "NaN,1", "1,Infinity", "1e400", "1,,x"]),
            (["burden", "shares"], "--year", ["abc", "NaN", "1.5", "99999999999", "", "1700", "3000"]),
            (["burden", "test"], "--year", ["abc", "NaN", "1.5", "", "1700", "3000"]),
            (["burden", "trend"], "--from", ["abc", "NaN", "1.5", "1700"]),
            (["burden", "trend"], "--to", ["abc", "Infinity", "1.5", "2100"]),
            (["data", "show", "nmc"], "--limit", ["-1", "abc", "NaN", "1.5", "99999999999"]),
            (["calibrate", "nato-2014", "--out", Home + "/out/p.parquet"], "--draws", [.. notWhole, "0", "9", "-1", "10000001"]),
            (["calibrate", "nato-2014", "--out", Home + "/out/p.parquet"], "--accept", [.. notNumbers, "0", "-0.1", "1.5"]),
            (["calibrate", "nato-2014", "--out", Home + "/out/p.parquet"], "--seed", ["-1", "abc", "NaN"]),
            (["burden", "test", "--n", "20"], "--rho", [.. notNumbers, "1.5", "-2"]),
            (["burden", "test", "--rho", "0.3"], "--n", [.. notWhole, "0", "-1", "2"]),
            (["burden", "test", "--rho", "0.3", "--n", "20"], "--controls", [.. notWhole, "-1", "3"]),
        };
        foreach (var (command, option, bad) in numeric)
        {
            foreach (var value in bad)
            {
                Add([.. command, option, value]);
            }
        }

        // Usage mistakes: an unknown option, a stray argument, an unknown format, a missing value, on every command.
        var commands = new[]
        {
            new[] { "data", "list" }, ["data", "cite", "nmc"], ["data", "show", "nmc"], ["data", "sql", "SELECT 1"],
            ["data", "export", "nmc", "--out", Home + "/out/e.csv"], ["data", "import", "sipri", Home + "/in/sipri.csv"],
            ["data", "import", "cow-alliances", Home + "/in/cow.csv"], ["dyads", "--from", "2000", "--to", "2000"],
            ["game", "public-good", "--input", Home + "/in/public-good.json"], ["game", "rubinstein", "--input", Home + "/in/rubinstein.json"],
            ["game", "nash", "--input", Home + "/in/nash.json"], ["game", "sma", "--input", Home + "/in/sma.yaml"],
            ["game", "shapley", "--input", Home + "/in/cost.yaml"], ["game", "nucleolus", "--input", Home + "/in/cost.yaml"],
            ["game", "core", "--input", Home + "/in/cost.yaml"], ["game", "credibility", "--input", Home + "/in/credibility.yaml"],
            ["game", "expected-utility", "--input", Home + "/in/eu.yaml"], ["burden", "shares", "--year", "2020"],
            ["burden", "test", "--year", "2020"], ["burden", "trend"], ["costshare", "--host", "KOR"],
            ["report", "--out", Home + "/out/r.html"], ["similarity", "--a", "USA", "--b", "GBR", "--year", "2000"],
            ["landscape", "--input", Home + "/in/landscape.yaml"], ["scenario", "list"], ["scenario", "show", "nato-2014"],
            ["scenario", "validate", Home + "/in/scenario.yaml"], ["simulate", "--scenario", "nato-2014", "--runs", "1"],
            ["backtest", "nato-2014"], ["duration"], ["sensitivity", "--function", "ishigami"],
            ["calibrate", "nato-2014", "--out", Home + "/out/p.parquet"],
        };
        foreach (var command in commands)
        {
            Add([.. command, "--bogus"]);
            Add([.. command, "--format", "xml"]);
            Add([.. command, "--format"]);
            Add([.. command, "-x", "1"]);
            if (command[0] is not ("data" or "scenario") || command[1] is "list" or "import")
            {
                Add([.. command, "stray"]);
            }
        }

        Add("bogus");
        Add("data", "bogus");
        Add("game", "bogus", "--input", "x");
        Add("burden", "bogus");
        Add("scenario", "bogus");
        Add("data", "import", "bogus", "x.csv");
        Add("--format", "xml", "data", "list");
        Add("--db");

        // Missing required options and arguments.
        foreach (var game in new[] { "public-good", "rubinstein", "nash", "sma", "shapley", "nucleolus", "core", "credibility", "expected-utility" })
        {
            Add("game", game);
            Add("game", game, "--input");
        }

        Add("data", "show");
        Add("data", "sql");
        Add("data", "export", "nmc");
        Add("data", "export", "--out", Home + "/out/e.csv");
        Add("data", "import", "sipri");
        Add("data", "import", "cow-alliances");
        Add("burden", "shares");
        Add("burden", "test");
        Add("costshare");
        Add("simulate");
        Add("simulate", "--scenario");
        Add("backtest");
        Add("scenario", "show");
        Add("scenario", "validate");
        Add("sensitivity");
        Add("sensitivity", "--function", "ishigami", "--scenario", "nato-2014");
        Add("landscape");
        Add("landscape", "--year", "2000");
        Add("landscape", "--states", "USA,CHN");
        Add("similarity");
        Add("similarity", "--a", "USA");

        // Bad input files, for every reader of a file.
        var readers = new (string Name, Func<string, string[]> Args)[]
        {
            ("public-good", f => ["game", "public-good", "--input", f]), ("rubinstein", f => ["game", "rubinstein", "--input", f]),
            ("nash", f => ["game", "nash", "--input", f]), ("sma", f => ["game", "sma", "--input", f]),
            ("shapley", f => ["game", "shapley", "--input", f]), ("nucleolus", f => ["game", "nucleolus", "--input", f]),
            ("core", f => ["game", "core", "--input", f]), ("credibility", f => ["game", "credibility", "--input", f]),
            ("expected-utility", f => ["game", "expected-utility", "--input", f]), ("landscape", f => ["landscape", "--input", f]),
            ("validate", f => ["scenario", "validate", f]), ("show", f => ["scenario", "show", f]),
            ("simulate", f => ["simulate", "--scenario", f, "--runs", "1", "--out", Home + "/out/sim"]),
            ("sensitivity", f => ["sensitivity", "--scenario", f, "--samples", "4", "--seeds", "1"]),
        };
        string[] badDocuments =
        [
            "deep.yaml", "deep-map.yaml", "deep-json.json", "truncated.yaml", "truncated.json", "empty.yaml", "blank.yaml", "binary.yaml",
            "scalar.yaml", "list.yaml", "unknown-field.yaml", "bomb.yaml", "tab.yaml", "nul.yaml", "folder", "missing.yaml", "big.yaml",
            "duplicate.yaml", "bad-alias.yaml", "bom-garbage.yaml",
        ];
        foreach (var (name, args) in readers)
        {
            foreach (var document in badDocuments)
            {
                cases.Add(($"{name} <- {document}", args(Home + "/in/" + document)));
            }
        }

        // Valid documents with one value made non-finite, overflowing or out of range.
        foreach (var (file, command) in new[]
        {
            ("public-good", "public-good"), ("rubinstein", "rubinstein"), ("nash", "nash"), ("sma", "sma"), ("cost", "shapley"),
            ("cost", "nucleolus"), ("cost", "core"), ("credibility", "credibility"), ("eu", "expected-utility"),
        })
        {
            foreach (var variant in NumberVariants)
            {
                cases.Add(($"{command} <- {file} with {variant}", ["game", command, "--input", $"{Home}/in/{file}-{variant}.yaml"]));
            }
        }

        foreach (var variant in NumberVariants)
        {
            cases.Add(($"landscape <- size {variant}", ["landscape", "--input", $"{Home}/in/landscape-{variant}.yaml"]));
            cases.Add(($"validate <- scenario with {variant}", ["scenario", "validate", $"{Home}/in/scenario-{variant}.yaml"]));
        }

        Add("game", "public-good", "--input", Home + "/in/public-good-huge-incomes.yaml");
        Add("landscape", "--input", Home + "/in/landscape-huge.yaml", "--format", "json");

        // Bad CSV files for the importers and the readers of CSV options.
        string[] badCsv =
        [
            "empty.csv", "header-only-cow.csv", "header-only-sipri.csv", "one-column.csv", "open-quote.csv", "ragged.csv", "binary.yaml",
            "cow-nan.csv", "cow-feb-31.csv", "cow-month-13.csv", "cow-overflow.csv", "sipri-nan.csv", "sipri-inf.csv", "sipri-negative.csv",
            "sipri-huge.csv", "big.csv", "folder", "missing.csv",
        ];
        foreach (var csv in badCsv)
        {
            cases.Add(($"import cow <- {csv}", ["data", "import", "cow-alliances", Home + "/in/" + csv]));
            cases.Add(($"import sipri <- {csv}", ["data", "import", "sipri", Home + "/in/" + csv]));
            cases.Add(($"priors <- {csv}", ["sensitivity", "--scenario", "nato-2014", "--priors", Home + "/in/" + csv, "--samples", "4", "--seeds", "1"]));
            cases.Add(($"vectors <- {csv}", ["similarity", "--vectors", Home + "/in/" + csv]));
        }

        foreach (var csv in new[] { "priors-nan.csv", "priors-inf.csv", "priors-unknown.csv", "empty.csv", "binary.yaml", "big.csv", "folder", "missing.csv" })
        {
            cases.Add(($"calibrate priors <- {csv}", ["calibrate", "nato-2014", "--priors", Home + "/in/" + csv, "--out", Home + "/out/p.parquet"]));
        }

        foreach (var document in new[] { "deep.yaml", "truncated.yaml", "empty.yaml", "bomb.yaml", "big.yaml", "folder", "binary.yaml", "scenario-nan.yaml" })
        {
            cases.Add(($"calibrate <- {document}", ["calibrate", Home + "/in/" + document, "--out", Home + "/out/p.parquet"]));
            cases.Add(($"backtest <- {document}", ["backtest", Home + "/in/" + document]));
        }

        Add("calibrate", "nato-2014");
        Add("calibrate", "nato-2014", "--out", Home + "/out/p.txt");
        Add("calibrate", "nato-2014", "--year", "1700", "--out", Home + "/out/p.parquet");
        Add("calibrate", "nato-2014", "--parameters", "bogus", "--out", Home + "/out/p.parquet");
        Add("calibrate", "nato-2014", "--parameters", "threat_elasticity", "--priors", Home + "/in/priors-nan.csv", "--out", Home + "/out/p.parquet");
        Add("calibrate", "bogus", "--out", Home + "/out/p.parquet");

        foreach (var priors in new[] { "priors-nan.csv", "priors-inf.csv", "priors-reversed.csv", "priors-unknown.csv", "priors-twice.csv" })
        {
            cases.Add(($"priors <- {priors}", ["sensitivity", "--scenario", "nato-2014", "--priors", Home + "/in/" + priors, "--samples", "4", "--seeds", "1"]));
        }

        // Requests outside the data, and names the data do not hold.
        Add("burden", "shares", "--year", "2020", "--alliance", "99999999");
        Add("burden", "shares", "--year", "2020", "--alliance", "abc");
        Add("burden", "shares", "--year", "2020", "--edition", "1999-13");
        Add("burden", "shares", "--year", "2020", "--rule", "bogus");
        Add("burden", "shares", "--year", "2020", "--source", "bogus");
        Add("burden", "test", "--year", "2020", "--alternative", "bogus");
        Add("burden", "test", "--year", "2020", "--plot", Home + "/out/p.gif");
        Add("burden", "trend", "--from", "2020", "--to", "2010");
        Add("burden", "trend", "--from", "1700", "--to", "1710");
        Add("costshare", "--host", "XXX");
        Add("costshare", "--host", "");
        Add("costshare", "--host", "KOR", "--events", "--plot", Home + "/out/c.png");
        Add("similarity", "--a", "XXX", "--b", "GBR", "--year", "2000");
        Add("similarity", "--a", "USA", "--b", "GBR", "--year", "1700");
        Add("similarity", "--a", "USA", "--b", "GBR", "--year", "2000", "--measure", "bogus");
        Add("similarity", "--a", "USA", "--b", "GBR", "--year", "2000", "--coding", "bogus=1");
        Add("similarity", "--a", "USA", "--b", "GBR", "--year", "2000", "--coding", "defense=x");
        Add("similarity", "--a", "USA", "--b", "GBR", "--year", "2000", "--distance", "bogus");
        Add("similarity", "--a", "USA", "--b", "GBR", "--year", "2000", "--source", "bogus");
        Add("similarity", "--a", "USA", "--b", "GBR", "--year", "2000", "--out", Home + "/out/s.csv");
        Add("similarity", "--all", "--from", "2000", "--to", "1990", "--out", Home + "/out/s.csv");
        Add("similarity", "--all", "--out", Home + "/out/s.txt");
        Add("dyads", "--from", "1700", "--to", "1710", "--out", Home + "/out/d.csv");
        Add("dyads", "--from", "2000", "--to", "1990", "--out", Home + "/out/d.csv");
        Add("dyads", "--with", "bogus", "--out", Home + "/out/d.csv");
        Add("dyads", "--with", "eu", "--eu-reference", "bogus", "--out", Home + "/out/d.csv");
        Add("dyads", "--directed", "--undirected", "--out", Home + "/out/d.csv");
        Add("dyads", "--out", Home + "/out/d.txt");
        Add("dyads", "--out", Home + "/nowhere/d.csv");
        Add("duration", "--censor-year", "3000");
        Add("duration", "--censor-year", "1e308");
        Add("landscape", "--year", "1700", "--states", "USA,CHN");
        Add("landscape", "--year", "2000", "--states", "USA,XXX");
        Add("landscape", "--year", "2000", "--states", ",,,");
        Add("landscape", "--input", Home + "/in/landscape.yaml", "--method", "bogus");
        Add("landscape", "--input", Home + "/in/landscape.yaml", "--coalitions", "3", "--method", "exact");
        Add("scenario", "show", "bogus");
        Add("simulate", "--scenario", "bogus");
        Add("simulate", "--scenario", "nato-2014", "--runs", "1", "--out", Home + "/in/landscape.yaml");
        Add("backtest", "bogus");
        Add("backtest", "sma-2019");
        Add("sensitivity", "--function", "bogus");
        Add("sensitivity", "--function", "ishigami", "--method", "bogus");
        Add("sensitivity", "--function", "ishigami", "--samples", "3");
        Add("sensitivity", "--scenario", "nato-2014", "--outputs", "bogus", "--samples", "4", "--seeds", "1");
        Add("sensitivity", "--scenario", "nato-2014", "--parameters", "bogus", "--samples", "4", "--seeds", "1");
        Add("sensitivity", "--function", "ishigami", "--plot", Home + "/out/t.gif");
        Add("report", "--out", Home + "/nowhere/r.html");
        Add("data", "cite", "bogus");
        Add("data", "show", "bogus");
        Add("data", "export", "bogus", "--out", Home + "/out/e.csv");
        Add("data", "export", "nmc", "--out", Home + "/out/e.txt");
        Add("data", "export", "nmc", "--out", Home + "/nowhere/e.csv");
        Add("data", "export", "nmc", "--out", Home + "/out");

        // SQL and --where that reach past the tables: files, the network, extensions, several statements.
        string[] sql =
        [
            "SELECT * FROM read_csv('/etc/passwd')", "select * from READ_CSV('/etc/passwd')", "SELECT * FROM  '/etc/passwd'",
            "SELECT * FROM query('SELECT * FROM rea' || 'd_csv(''/etc/passwd'', header=false, delim='':'')')",
            "SELECT * FROM query_table('/etc/passwd')", "SELECT * FROM glob('/tmp/*')", "SELECT * FROM read_text('/etc/hostname')",
            "SELECT * FROM read_blob('/etc/hostname')", "SELECT * FROM 'https://example.com/x.csv'", "SELECT * FROM read_parquet('http://127.0.0.1/x.parquet')",
            "SELECT * FROM parquet_kv_metadata('/etc/passwd')", "INSTALL httpfs", "LOAD httpfs", "SET enable_external_access = true",
            "COPY nmc TO '" + Home + "/out/x.csv'", "ATTACH '" + Home + "/out/x.db'", "CREATE TABLE x AS SELECT 1", "DROP TABLE nmc",
            "SELECT 1; SELECT 2", "SELECT * FROM nmc WHERE", "", "SELEC 1", "PRAGMA version", "SELECT * FROM bogus_table",
            "SELECT getenv('HOME')", "CALL pragma_database_list()",
        ];
        foreach (var query in sql)
        {
            cases.Add(($"data sql {query}", ["data", "sql", query]));
        }

        string[] where =
        [
            "1=0) UNION ALL BY NAME (SELECT * FROM query('SELECT * FROM read_csv(''/etc/passwd'')'))", "year > 2000; DROP TABLE nmc",
            "ccode IN (SELECT 1 FROM read_csv('/etc/passwd'))", "bogus_column = 1", "year >", "1=1 --", "year = 'a' OR (SELECT 1 FROM glob('/tmp/*'))",
        ];
        foreach (var condition in where)
        {
            cases.Add(($"data show --where {condition}", ["data", "show", "nmc", "--where", condition]));
            cases.Add(($"data export --where {condition}", ["data", "export", "nmc", "--out", Home + "/out/w.csv", "--where", condition]));
        }

        return cases;
    }

    private static readonly string[] NumberVariants = ["nan", "inf", "neg-inf", "overflow", "huge", "text"];

    private static IEnumerable<(string File, byte[] Content)> Files()
    {
        static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);
        var examples = Path.Combine(FindRoot(), "docs", "models", "examples");
        var valid = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["public-good"] = File.ReadAllText(Path.Combine(examples, "public-good.json")),
            ["rubinstein"] = File.ReadAllText(Path.Combine(examples, "rubinstein.json")),
            ["nash"] = File.ReadAllText(Path.Combine(examples, "nash.json")),
            ["sma"] = File.ReadAllText(Path.Combine(examples, "sma.yaml")),
            ["cost"] = File.ReadAllText(Path.Combine(examples, "three-allies.yaml")),
            ["credibility"] = File.ReadAllText(Path.Combine(examples, "credibility.yaml")),
            ["eu"] = File.ReadAllText(Path.Combine(examples, "eu-korea-hormuz-2019.yaml")),
            ["landscape"] = "actors:\n  - {name: USA, size: 0.14}\n  - {name: CHN, size: 0.2}\n  - {name: RUS, size: 0.04}\npropensity:\n  \"USA,CHN\": -1\n  \"CHN,RUS\": 0.5\n",
            ["scenario"] = File.ReadAllText(Path.Combine(FindRoot(), "src", "Linchpin", "Scenarios", "BuiltIn", "sma-2019.yaml")),
        };
        yield return ("public-good.json", Text(valid["public-good"]));
        yield return ("rubinstein.json", Text(valid["rubinstein"]));
        yield return ("nash.json", Text(valid["nash"]));
        yield return ("sma.yaml", Text(valid["sma"]));
        yield return ("cost.yaml", Text(valid["cost"]));
        yield return ("credibility.yaml", Text(valid["credibility"]));
        yield return ("eu.yaml", Text(valid["eu"]));
        yield return ("landscape.yaml", Text(valid["landscape"]));
        yield return ("scenario.yaml", Text(valid["scenario"]));

        var replacements = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["nan"] = ".nan", ["inf"] = ".inf", ["neg-inf"] = "-.inf", ["overflow"] = "1e400", ["huge"] = "1e308", ["text"] = "\"twelve\"",
        };
        foreach (var (name, text) in valid)
        {
            foreach (var (variant, replacement) in replacements)
            {
                yield return ($"{name}-{variant}.yaml", Text(ReplaceNumbers(text, replacement, name is "landscape" or "scenario" ? 1 : int.MaxValue)));
            }
        }

        yield return ("public-good-huge-incomes.yaml", Text("utility: cobb-douglas\nallies:\n  - {name: A, income: 1e308, alpha: 0.5}\n  - {name: B, income: 1e308, alpha: 0.5}\n"));
        yield return ("landscape-huge.yaml", Text("actors:\n  - {name: A, size: 1e200}\n  - {name: B, size: 1e200}\npropensity:\n  \"A,B\": 1\n"));

        yield return ("deep.yaml", Text(new string('[', 40_000)));
        yield return ("deep-map.yaml", Text("a: " + string.Concat(Enumerable.Repeat("{a: ", 40_000))));
        yield return ("deep-json.json", Text("{\"a\": " + string.Concat(Enumerable.Repeat("[{\"a\": ", 20_000))));
        yield return ("truncated.yaml", Text("gain: 1\ncurvature: [1"));
        yield return ("truncated.json", Text("{\"utility\": \"ces\",\n \"allies\": [\n  {\"name\": \"A\", \"inc"));
        yield return ("empty.yaml", []);
        yield return ("blank.yaml", Text("\n\n   \n# only a comment\n"));
        yield return ("binary.yaml", [.. Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) % 256))]);
        yield return ("scalar.yaml", Text("42\n"));
        yield return ("list.yaml", Text("- a\n- b\n"));
        yield return ("unknown-field.yaml", Text("bogus: 1\n"));
        var bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i <= 8; i++)
        {
            bomb.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        yield return ("bomb.yaml", Text(bomb.ToString()));
        yield return ("tab.yaml", Text("a:\n\tb: 1\n"));
        yield return ("nul.yaml", Text("gain: 1\u0000\ncurvature: 2\n"));
        yield return ("duplicate.yaml", Text("gain: 1\ngain: 2\n"));
        yield return ("bad-alias.yaml", Text("gain: *nowhere\n"));
        yield return ("bom-garbage.yaml", Text("\uFEFF{{{]]]"));

        const string CowHeader = "version4id,ccode,state_name,all_st_day,all_st_month,all_st_year,all_end_day,all_end_month,all_end_year,ss_type,"
            + "mem_st_day,mem_st_month,mem_st_year,mem_end_day,mem_end_month,mem_end_year,left_censor,right_censor,defense,neutrality,nonaggression,entente,version\n";
        static string CowRow(string day, string month, string ccode) =>
            $"236,{ccode},\"United States of America\",1,10,1953,,,,\"Type III: Entente\",{day},{month},1953,,,,0,1,1,0,0,1,4.1\n";
        yield return ("empty.csv", []);
        yield return ("header-only-cow.csv", Text(CowHeader));
        yield return ("header-only-sipri.csv", Text("Entity,Code,Year,military_expenditure_share_gdp\n"));
        yield return ("one-column.csv", Text("a\n1\n2\n"));
        yield return ("open-quote.csv", Text("Entity,Code,Year,x\n\"Japan,JPN,2019,1\n"));
        yield return ("ragged.csv", Text("Entity,Code,Year,x\nJapan,JPN\n"));
        yield return ("cow-nan.csv", Text(CowHeader + CowRow("1", "10", "NaN")));
        yield return ("cow-feb-31.csv", Text(CowHeader + CowRow("31", "2", "2")));
        yield return ("cow-month-13.csv", Text(CowHeader + CowRow("1", "13", "2")));
        yield return ("cow-overflow.csv", Text(CowHeader + CowRow("1", "10", "99999999999999999999")));
        yield return ("sipri-nan.csv", Text("Entity,Code,Year,x\nJapan,JPN,2019,NaN\n"));
        yield return ("sipri-inf.csv", Text("Entity,Code,Year,x\nJapan,JPN,2019,Infinity\n"));
        yield return ("sipri-negative.csv", Text("Entity,Code,Year,x\nJapan,JPN,2019,-1\n"));
        yield return ("sipri-huge.csv", Text("Entity,Code,Year,x\nJapan,JPN,2019,1e400\n"));
        yield return ("priors-nan.csv", Text("parameter,lower,upper,source\nthreat_elasticity,NaN,1,assumption\n"));
        yield return ("priors-inf.csv", Text("parameter,lower,upper,source\nthreat_elasticity,0,Infinity,assumption\n"));
        yield return ("priors-reversed.csv", Text("parameter,lower,upper,source\nthreat_elasticity,1,0,assumption\n"));
        yield return ("priors-unknown.csv", Text("parameter,lower,upper,source\nbogus,0,1,assumption\n"));
        yield return ("priors-twice.csv", Text("parameter,lower,upper,source\nthreat_elasticity,0,1,a\nthreat_elasticity,0,1,b\n"));
    }

    // Replaces the first `count` numbers that follow a ': ' (YAML and JSON values), leaving keys and names alone.
    private static string ReplaceNumbers(string text, string replacement, int count) =>
        new System.Text.RegularExpressions.Regex(@"(?<=:\s*\[?\s*)-?\d+(\.\d+)?([eE][-+]?\d+)?(?=\s*[,}\]\n])").Replace(text, replacement, count);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Linchpin.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}
