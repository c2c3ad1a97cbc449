using System.Text;
using System.Text.Json;
using Linchpin.Data;
using Linchpin.Games.PublicGoods;
using Linchpin.Reports;
using Linchpin.Tests.Games.PublicGoods;
using Linchpin.Tests.TestSupport;

namespace Linchpin.Tests.Input;

/// <summary>The checks at the edge: numbers from outside, file sizes, one-line errors, non-finite results written as missing.</summary>
public class InputBoundaryTests
{
    public sealed class InputNumberCheck
    {
        [Theory]
        [InlineData("NaN", "'NaN' is not a finite number")]
        [InlineData("-Infinity", "'-Infinity' is not a finite number")]
        [InlineData("1e400", "'1e400' is not a finite number")]
        [InlineData("1,5", "'1,5' is not a number")]
        [InlineData("0x10", "'0x10' is not a number")]
        [InlineData("2.5", "2.5 is outside [0, 1]")]
        [InlineData("-0.5", "-0.5 is outside [0, 1]")]
        public void Refuses_what_is_not_a_finite_number_in_range(string text, string expected)
        {
            Assert.False(InputNumber.TryParse(text, out _, out var problem, 0, 1));
            Assert.Equal(expected, problem);
        }

        [Theory]
        [InlineData("1", 1.0)]
        [InlineData("0", 0.0)]
        [InlineData("1e-3", 0.001)]
        [InlineData(" 0.25 ", 0.25)]
        public void Reads_a_finite_number_in_range_invariantly(string text, double expected)
        {
            Assert.True(InputNumber.TryParse(text, out var value, out var problem, 0, 1));
            Assert.Null(problem);
            Assert.Equal(expected, value);
        }

        [Fact]
        public void An_open_range_is_shown_with_infinity() =>
            Assert.Equal("-5 is outside [1, ∞)", InputNumber.Problem(-5.0, 1, double.MaxValue));
    }

    public sealed class ErrorMessages
    {
        [Fact]
        public void Line_breaks_quoted_from_an_input_stay_on_one_line()
        {
            var error = LinchpinException.InFile("x.csv", 2, "value", "'1\n2\r\n3\u2028' is not a number");

            Assert.Equal("x.csv:2: field 'value': '1\\n2\\n3\\n' is not a number", error.Message);
        }
    }

    public sealed class FileSizes
    {
        [Fact]
        public void A_file_past_the_limit_is_refused_before_it_is_read()
        {
            using var home = new TempHome();
            var path = home.File("big.yaml");
            using (var stream = File.Create(path))
            {
                stream.SetLength(InputLimits.MaxInputBytes + 1);
            }

            var error = Assert.Throws<LinchpinException>(() => InputFile.ReadText(path));

            Assert.Equal($"{path}: the file is larger than 16 MiB, the limit for this kind of input", error.Message);
        }

        [Fact]
        public void A_file_at_the_limit_is_read_whole()
        {
            using var home = new TempHome();
            var path = home.Write("ok.yaml", "gain: 1\n" + new string('#', 1000) + "\n");

            Assert.Equal(1009, InputFile.ReadText(path).Length);
            Assert.Equal(1009, InputFile.ReadBytes(path, 1009).Length);
            Assert.Throws<LinchpinException>(() => InputFile.ReadBytes(path, 1008));
        }

        [Fact]
        public void A_folder_or_a_missing_file_is_a_located_error()
        {
            using var home = new TempHome();

            Assert.StartsWith($"{home.Path}: cannot read the file: ", Assert.Throws<LinchpinException>(() => InputFile.ReadText(home.Path)).Message);
            Assert.StartsWith($"{home.File("none.yaml")}: cannot read the file: ", Assert.Throws<LinchpinException>(() => InputFile.ReadText(home.File("none.yaml"))).Message);
        }
    }

    public sealed class HugeIncomes
    {
        // Cobb-Douglas with weight alpha on the private good and n contributors: G = (1 - alpha) * sum(w) / (n * alpha + 1 - alpha) (model 03).
        [Theory]
        [InlineData(new[] { 1e308 }, 5e307)]
        [InlineData(new[] { 8e307, 8e307 }, 1.6e308 / 3)]
        [InlineData(new[] { 1e-300, 1e-300 }, 2e-300 / 3)]
        public void Solve_at_the_ends_of_the_double_range_as_the_closed_form_says(double[] incomes, double expected)
        {
            var result = PublicGoodGame.Solve(PublicGoodGameTests.CobbDouglasAllies(incomes, 0.5));

            Assert.Equal(expected, result.Total, expected * 1e-12);
            Assert.All(result.Contributions, q => Assert.True(q > 0));
        }

        [Theory]
        [InlineData(-900)]
        [InlineData(-10)]
        [InlineData(10)]
        [InlineData(900)]
        public void Scaling_incomes_by_a_power_of_two_scales_the_equilibrium_exactly(int exponent)
        {
            double[] incomes = [100, 80, 60, 10];
            var plain = PublicGoodGame.Solve(PublicGoodGameTests.CobbDouglasAllies(incomes, 0.5, 0.6, 0.3, 0.5));
            var scaled = PublicGoodGame.Solve(PublicGoodGameTests.CobbDouglasAllies([.. incomes.Select(w => Math.ScaleB(w, exponent))], 0.5, 0.6, 0.3, 0.5));

            Assert.Equal(plain.Contributions.Select(q => Math.ScaleB(q, exponent)), scaled.Contributions);
            Assert.Equal(Math.ScaleB(plain.ParetoTotal, exponent), scaled.ParetoTotal);
        }
    }

    public sealed class NonFiniteResults
    {
        [Fact]
        public void Are_written_as_json_null_and_counted()
        {
            var table = new ResultTable([new ResultColumn("a", typeof(double)), new ResultColumn("b", typeof(float))], [[double.NaN, float.PositiveInfinity], [1.5, 2f]]);

            using var document = JsonDocument.Parse(ResultJson.Text(table));

            Assert.Equal(JsonValueKind.Null, document.RootElement[0].GetProperty("a").ValueKind);
            Assert.Equal(JsonValueKind.Null, document.RootElement[0].GetProperty("b").ValueKind);
            Assert.Equal(1.5, document.RootElement[1].GetProperty("a").GetDouble());
            Assert.Equal(2, ResultJson.NonFiniteCount(table));
        }

        [Fact]
        public void A_named_number_that_is_not_finite_is_null()
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream))
            {
                json.WriteStartObject();
                ResultJson.WriteNumber(json, "energy", double.NegativeInfinity);
                ResultJson.WriteNumber(json, "gap", 0.25);
                json.WriteEndObject();
            }

            Assert.Equal("{\"energy\":null,\"gap\":0.25}", Encoding.UTF8.GetString(stream.ToArray()));
        }
    }
}
