using System.Globalization;

namespace OpenAIBilling.FakeServer;

/// <summary>
/// Query-string reading for the Admin API. Arrays are accepted as <c>name[]=a&amp;name[]=b</c>, as repeated
/// <c>name=a&amp;name=b</c> and as a comma list <c>name=a,b</c>. Bad values throw <see cref="BadRequestException"/>.
/// </summary>
internal sealed class AdminQuery(HttpRequest request)
{
    private readonly IQueryCollection _query = request.Query;

    public string? Single(string name)
    {
        string? value = _query[name].FirstOrDefault();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public long RequiredLong(string name) =>
        OptionalLong(name) ?? throw new BadRequestException($"Missing required parameter: '{name}'.", name);

    public long? OptionalLong(string name)
    {
        string? text = Single(name);
        if (text is null) return null;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) || value < 0)
            throw new BadRequestException($"Invalid value for '{name}': '{text}' is not a non-negative integer (Unix seconds).", name);
        return value;
    }

    public int IntInRange(string name, int min, int max, int fallback)
    {
        string? text = Single(name);
        if (text is null) return fallback;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
            throw new BadRequestException($"Invalid value for '{name}': '{text}'. It must be an integer between {min} and {max}.", name);
        return value;
    }

    public bool? OptionalBool(string name)
    {
        string? text = Single(name);
        return text switch
        {
            null => null,
            "true" or "True" => true,
            "false" or "False" => false,
            _ => throw new BadRequestException($"Invalid value for '{name}': '{text}'. Expected true or false.", name),
        };
    }

    /// <summary>All values of an array parameter, in order, without duplicates or empties.</summary>
    public IReadOnlyList<string> Array(string name)
    {
        var values = new List<string>();
        foreach (string key in new[] { name, name + "[]" })
        {
            foreach (string? raw in _query[key])
            {
                if (raw is null) continue;
                foreach (string part in raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!values.Contains(part, StringComparer.Ordinal)) values.Add(part);
                }
            }
        }
        return values;
    }

    /// <summary>group_by values, each checked against the endpoint's allowed set.</summary>
    public IReadOnlyList<string> GroupBy(IReadOnlyList<string> allowed)
    {
        var groups = Array("group_by");
        foreach (string g in groups)
        {
            if (!allowed.Contains(g, StringComparer.Ordinal))
                throw new BadRequestException(
                    $"Invalid value for 'group_by': '{g}'. Supported values are: {string.Join(", ", allowed)}.", "group_by");
        }
        return groups;
    }
}
