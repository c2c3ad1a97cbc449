using System.Text.Json;

namespace Linchpin.Data;

/// <summary>
/// Checks of SQL written by a user, made on DuckDB's own parse of it (the JSON that
/// <c>json_serialize_sql</c> returns), never on its text: a query must be one SELECT, and a
/// <c>--where</c> condition one expression over the table it filters. What a query may reach is
/// enforced by the engine (<see cref="WorldStore.QueryReadOnly"/> locks the store); these checks
/// keep a statement from writing and a condition from becoming a second query.
/// </summary>
internal static class UserSql
{
    // DuckDB nests expressions at most 1,000 deep (max_expression_depth); its JSON is a few
    // levels deeper per expression.
    private static readonly JsonDocumentOptions Parse = new() { MaxDepth = 16_384 };

    /// <summary>Checks that the parse is of one SELECT statement (json_serialize_sql flags anything else as an error).</summary>
    /// <exception cref="LinchpinException">It is not.</exception>
    public static void CheckSingleSelect(string serialized)
    {
        using var json = Read(serialized, "query");
        var root = json.RootElement;
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.True)
        {
            var message = root.TryGetProperty("error_message", out var m) ? m.GetString() : null;
            throw new LinchpinException($"query: only a single read-only SELECT is allowed ({WorldStore.FirstLine(message ?? "not a query")})");
        }

        if (!root.TryGetProperty("statements", out var statements) || statements.GetArrayLength() != 1)
        {
            throw new LinchpinException("query: only a single read-only SELECT is allowed (found several statements)");
        }
    }

    /// <summary>
    /// Checks that the parse of <c>SELECT * FROM table WHERE (condition)</c> is exactly that: one
    /// plain SELECT of <paramref name="table"/>, with no subquery anywhere in the condition and no
    /// clause the condition smuggled in (set operation, LIMIT, GROUP BY, CTE…).
    /// </summary>
    /// <exception cref="LinchpinException">It is anything else.</exception>
    public static void CheckCondition(string serialized, string table)
    {
        using var json = Read(serialized, "--where");
        var root = json.RootElement;
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.True)
        {
            var message = root.TryGetProperty("error_message", out var m) ? m.GetString() : null;
            throw Condition($"it does not parse ({WorldStore.FirstLine(message ?? "syntax error")})");
        }

        var statements = root.GetProperty("statements");
        if (statements.GetArrayLength() != 1)
        {
            throw Condition("it ends one statement and starts another");
        }

        var node = statements[0].GetProperty("node");
        if (Text(node, "type") != "SELECT_NODE")
        {
            throw Condition($"it turns the query into a {Text(node, "type")?.Replace("_NODE", "", StringComparison.Ordinal).Replace('_', ' ').ToLowerInvariant() ?? "different"} query");
        }

        var from = node.GetProperty("from_table");
        if (Text(from, "type") != "BASE_TABLE" || Text(from, "table_name") != table)
        {
            throw Condition("it changes the table read");
        }

        if (!IsEmpty(node, "modifiers") || !IsEmpty(node, "group_expressions") || !IsNull(node, "having") || !IsNull(node, "qualify")
            || !IsNull(node, "sample") || !IsEmpty(node.GetProperty("cte_map"), "map"))
        {
            throw Condition("it adds a clause to the query (LIMIT, ORDER BY, GROUP BY, WITH…)");
        }

        if (HasSubquery(node.GetProperty("where_clause")))
        {
            throw Condition("it holds a subquery (a condition may only compare this dataset's columns)");
        }
    }

    private static LinchpinException Condition(string problem) =>
        new($"--where: must be one condition on the dataset's columns, but {problem}");

    private static JsonDocument Read(string serialized, string what)
    {
        try
        {
            return JsonDocument.Parse(serialized, Parse);
        }
        catch (JsonException)
        {
            throw new LinchpinException($"{what}: too deeply nested to check");
        }
    }

    /// <summary>Whether any node under <paramref name="expression"/> is a subquery (walked with a stack: the depth is the user's).</summary>
    private static bool HasSubquery(JsonElement expression)
    {
        var pending = new Stack<JsonElement>();
        pending.Push(expression);
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    if (Text(element, "class") == "SUBQUERY" || Text(element, "type") == "SUBQUERY" || element.TryGetProperty("subquery", out _))
                    {
                        return true;
                    }

                    foreach (var property in element.EnumerateObject())
                    {
                        pending.Push(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }

        return false;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool IsEmpty(JsonElement element, string property) =>
        !element.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0;

    private static bool IsNull(JsonElement element, string property) =>
        !element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null;
}
