using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Linchpin.Alignment;
using Linchpin.Data.Importers;
using Linchpin.Games.Input;
using Linchpin.Scenarios;
using Linchpin.Tests.TestSupport;
using Linchpin.Validation;

namespace Linchpin.Tests.Input;

/// <summary>
/// Fuzzing of every reader of outside input: random, truncated, mutated and deeply nested
/// documents, built from a valid document of each kind, must give either a result or a
/// <see cref="LinchpinException"/> of one line that names the file — never another exception
/// (a stack overflow would end the test run itself). Each reader gets <see cref="CasesPerKind"/>
/// cases of each of the four kinds.
/// </summary>
public class ReaderFuzzTests
{
    /// <summary>Cases of each kind (random, truncated, mutated, nested) per reader.</summary>
    public const int CasesPerKind = 250;

    private const string File = "fuzz.yaml";

    public static TheoryData<string> TextReaders => [.. Readers.Keys];

    private static readonly Dictionary<string, (Func<string> Seed, Action<string> Read)> Readers = new(StringComparer.Ordinal)
    {
        ["public-good"] = (() => Example("public-good.json"), t => GameInput.ParsePublicGood(t, File)),
        ["rubinstein"] = (() => Example("rubinstein.json"), t => GameInput.ParseRubinstein(t, File)),
        ["nash"] = (() => Example("nash.json"), t => GameInput.ParseNash(t, File)),
        ["cost-game"] = (() => Example("three-allies.yaml"), t => GameInput.ParseCostGame(t, File)),
        ["airport"] = (() => Example("airport.json"), t => GameInput.ParseCostGame(t, File)),
        ["credibility"] = (() => Example("credibility.yaml"), t => GameInput.ParseCredibility(t, File)),
        ["sma"] = (() => Example("sma.yaml"), t => GameInput.ParseSma(t, File)),
        ["expected-utility"] = (() => Example("eu-korea-hormuz-2019.yaml"), t => ExpectedUtilityInput.Parse(t, File)),
        ["landscape"] = (() => Landscape, t => LandscapeInput.Parse(t, File)),
        ["scenario"] = (() => BuiltIn("nato-2014.yaml"), t => ScenarioFile.Parse(t, File)),
        ["scenario-sma"] = (() => BuiltIn("sma-2019.yaml"), t => ScenarioFile.Parse(t, File)),
        ["priors"] = (() => "parameter,lower,upper,source\nthreat_elasticity,0.1,0.9,assumption\n", t => Priors.Parse(t, File)),
    };

    private const string Landscape =
        "actors:\n  - {name: USA, size: 0.14}\n  - {name: CHN, size: 0.2}\n  - {name: RUS, size: 0.04}\n  - {name: JPN, size: 0.03}\n"
        + "propensity:\n  \"USA,CHN\": -1\n  \"USA,JPN\": 1\n  \"CHN,RUS\": 0.5\n  \"RUS,JPN\": -0.5\n";

    // Characters that mean something to YAML, JSON or CSV, plus some that mean nothing.
    private static readonly char[] Alphabet = "[]{}:,-?&*!|>'\"%@`#\n\n  \t.0123456789eE+aAzZ_~\\/\u00e9\u2028".ToCharArray();

    private static readonly string[] Splices =
    [
        "[", "{", "]", "}", ": ", "\n", "\n  - ", "&a ", "*a", "!!str ", "? ", "---\n", "...\n", "\"", "'", "#", "\t",
        "NaN", ".nan", ".inf", "-.inf", "1e308", "-1e308", "1e400", "-1", "0", "99999999999999999999", "1.5", "true", "null", "~",
    ];

    [Theory]
    [MemberData(nameof(TextReaders))]
    public void Random_text_gives_a_result_or_a_located_error(string reader) =>
        Check(reader, Gen.ArrayOf(Gen.Elements(Alphabet)).Select(c => new string(c)));

    [Theory]
    [MemberData(nameof(TextReaders))]
    public void A_truncated_document_gives_a_result_or_a_located_error(string reader)
    {
        var seed = Readers[reader].Seed();
        Check(reader, Gen.Choose(0, seed.Length).Select(n => seed[..n]));
    }

    [Theory]
    [MemberData(nameof(TextReaders))]
    public void A_mutated_document_gives_a_result_or_a_located_error(string reader)
    {
        var seed = Readers[reader].Seed();
        Check(reader, Mutations(seed));
    }

    [Theory]
    [MemberData(nameof(TextReaders))]
    public void A_deeply_nested_document_gives_a_located_error(string reader)
    {
        var seed = Readers[reader].Seed();
        var nested =
            from depth in Gen.Choose(65, 50_000)
            from open in Gen.Elements("[", "{a: ", "- ", "[{\"a\": ")
            from at in Gen.Choose(0, seed.Length)
            select seed[..at] + string.Concat(Enumerable.Repeat(open, depth)) + seed[at..];
        Check(reader, nested);
    }

    [Fact]
    public void Forty_thousand_nested_brackets_give_one_located_line()
    {
        var error = Assert.Throws<LinchpinException>(() => GameInput.ParsePublicGood(new string('[', 40_000), "deep.json"));

        Assert.Equal("deep.json:1: lists and mappings are nested more than 64 deep", error.Message);
        Assert.Equal(ErrorKind.BadInput, error.Kind);
    }

    [Fact]
    public void A_truncated_flow_list_is_a_parse_error_with_its_line()
    {
        var error = Assert.Throws<LinchpinException>(() => GameInput.ParseCredibility("gain: 1\ncurvature: [1", "c.yaml"));

        Assert.StartsWith("c.yaml:2: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Aliases_cannot_multiply_a_document_past_the_value_limit()
    {
        // Each line refers to the one before ten times: 10^7 values from 200 bytes ("billion laughs").
        var text = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i <= 7; i++)
        {
            text.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        var error = Assert.Throws<LinchpinException>(() => GameInput.ParseSma(text.ToString(), "bomb.yaml"));

        Assert.Matches(@"^bomb\.yaml:6: the document holds more than 1,000,000 values", error.Message);
    }

    [Fact]
    public void Incomes_near_the_largest_double_are_refused_where_their_sum_overflows()
    {
        var error = Assert.Throws<LinchpinException>(() => GameInput.ParsePublicGood(
            "utility: cobb-douglas\nallies:\n  - {name: A, income: 1e308, alpha: 0.5}\n  - {name: B, income: 1e308, alpha: 0.5}\n", "g.yaml"));

        Assert.StartsWith("g.yaml:", error.Message);
        Assert.Contains("income", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> CsvImporters => ["cow-members", "cow-dyads", "sipri-long", "sipri-wide"];

    private static readonly Dictionary<string, (string Seed, Action<string, string> Import)> Importers = new(StringComparer.Ordinal)
    {
        ["cow-members"] = (
            "version4id,ccode,state_name,all_st_day,all_st_month,all_st_year,all_end_day,all_end_month,all_end_year,ss_type,"
            + "mem_st_day,mem_st_month,mem_st_year,mem_end_day,mem_end_month,mem_end_year,left_censor,right_censor,defense,neutrality,nonaggression,entente,version\n"
            + "236,2,\"United States of America\",1,10,1953,,,,\"Type III: Entente\",1,10,1953,,,,0,1,1,0,0,1,4.1\n"
            + "10,200,\"United Kingdom\",1,1,1900,31,12,1910,\"Type I: Defense Pact\",1,1,1900,31,12,1910,0,0,1,0,1,0,4.1\n",
            (path, folder) => CowAllianceImporter.Import(path, folder)),
        ["cow-dyads"] = (
            "version4id,ccode1,state_name1,ccode2,state_name2,dyad_st_day,dyad_st_month,dyad_st_year,dyad_end_day,dyad_end_month,dyad_end_year,"
            + "left_censor,right_censor,defense,neutrality,nonaggression,entente,version\n"
            + "236,2,USA,732,ROK,1,10,1953,,,,0,1,1,0,0,1,4.1\n236,732,ROK,2,USA,1,10,1953,,,,0,1,1,0,0,1,4.1\n",
            (path, folder) => CowAllianceImporter.Import(path, folder)),
        ["sipri-long"] = (
            "Entity,Code,Year,military_expenditure_share_gdp\nSouth Korea,KOR,2019,2.67\nJapan,JPN,2019,0.93\nWorld,OWID_WRL,2019,2.2\n",
            (path, folder) => SipriImporter.Import(path, folder)),
        ["sipri-wide"] = (
            "Country,2017,2018\nUSA,610000,620000\n\"Korea, South\",\"39000\",40000\n",
            (path, folder) => SipriImporter.Import(path, folder)),
    };

    [Theory]
    [MemberData(nameof(CsvImporters))]
    public void A_mutated_or_truncated_csv_gives_an_import_or_a_located_error(string importer)
    {
        var (seed, import) = Importers[importer];
        using var home = new TempHome();
        var path = home.File("input.csv");
        var cases = Gen.OneOf(Mutations(seed), Gen.Choose(0, seed.Length).Select(n => seed[..n]), Gen.ArrayOf(Gen.Elements(Alphabet)).Select(c => new string(c)));
        FsCheck.Check.One(Config(CasesPerKind), Prop.ForAll(cases.ToArbitrary(), (string text) =>
        {
            System.IO.File.WriteAllText(path, text);
            Expect(path, () => import(path, home.File("imports")));
        }));
    }

    [Fact]
    public void Csv_with_a_million_columns_or_quotes_left_open_is_refused_or_read()
    {
        var wide = "a," + string.Join(",", Enumerable.Range(0, 1_000_000)) + "\n";
        Expect("w.csv", () => CsvInput.Parse("w.csv", Encoding.UTF8.GetBytes(wide)));
        Expect("q.csv", () => CsvInput.Parse("q.csv", Encoding.UTF8.GetBytes("a,b\n\"" + new string('x', 100_000))));
    }

    private static Gen<string> Mutations(string seed)
    {
        var edit =
            from kind in Gen.Choose(0, 4)
            from at in Gen.Choose(0, 1_000_000)
            from length in Gen.Choose(0, 40)
            from splice in Gen.Elements(Splices)
            select (Func<string, string>)(text =>
            {
                var i = text.Length == 0 ? 0 : at % (text.Length + 1);
                var span = Math.Min(length, text.Length - i);
                return kind switch
                {
                    0 => text.Remove(i, span),
                    1 => text.Insert(i, splice),
                    2 => text.Remove(i, span).Insert(i, splice),
                    3 => text.Insert(i, text.Substring(i, span)),
                    _ => i < text.Length ? text.Remove(i, 1).Insert(i, ((char)(text[i] ^ (1 << (length % 7)))).ToString()) : text + splice,
                };
            });
        return Gen.ListOf(edit).Select(edits => edits.Aggregate(seed, (text, change) => change(text)));
    }

    private static void Check(string reader, Gen<string> documents)
    {
        var read = Readers[reader].Read;
        FsCheck.Check.One(Config(CasesPerKind), Prop.ForAll(documents.ToArbitrary(), (string text) => Expect(File, () => read(text))));
    }

    private static void Expect(string file, Action read)
    {
        try
        {
            read();
        }
        catch (LinchpinException ex)
        {
            if (!ex.Message.StartsWith(file, StringComparison.Ordinal) || ex.Message.Contains('\n', StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"an error that does not name {file} on one line: {ex.Message}");
            }
        }
    }

    // The seed is fixed, so a failure repeats; FsCheck shrinks it to a small document.
    private static Config Config(int cases) =>
        FsCheck.Config.QuickThrowOnFailure.WithMaxTest(cases).WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20_261_202UL), FSharpOption<int>.None)));

    private static string Example(string name) => System.IO.File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "models", "examples", name));

    private static string BuiltIn(string name) => System.IO.File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "src", "Linchpin", "Scenarios", "BuiltIn", name));
}
