using System.Buffers.Binary;
using System.Text.Json.Nodes;

namespace OpenAIBilling.FakeServer;

/// <summary>One time bucket: [Start, End) in Unix seconds.</summary>
internal readonly record struct Bucket(long Start, long End);

/// <summary>The buckets of one page and the cursor to the next page (null when there is none).</summary>
internal sealed record BucketPage(IReadOnlyList<Bucket> Buckets, string? NextPage)
{
    public bool HasMore => NextPage is not null;

    /// <summary>The UsageResponse envelope: {"object":"page","data":[buckets],"has_more","next_page"}.</summary>
    public JsonObject ToJson(Func<Bucket, JsonArray> results)
    {
        var data = new JsonArray();
        foreach (Bucket b in Buckets)
        {
            data.Add(new JsonObject
            {
                ["object"] = "bucket",
                ["start_time"] = b.Start,
                ["end_time"] = b.End,
                ["results"] = results(b),
            });
        }
        return new JsonObject
        {
            ["object"] = "page",
            ["data"] = data,
            ["has_more"] = HasMore,
            ["next_page"] = NextPage,
        };
    }
}

/// <summary>
/// Bucket layout and paging shared by /costs and /usage/*. The first bucket starts at start_time (even when
/// unaligned) and ends at the next width boundary (UTC); later buckets are one width long; the last ends at
/// min(end_time, now). A page holds at most limit buckets. The cursor (page_ + base64 of 20 bytes: next bucket
/// start, pinned end, scope hash) keeps the end fixed across pages, so following next_page yields each bucket once.
/// </summary>
internal static class BucketPager
{
    public const long Minute = 60, Hour = 3600, Day = 86400;

    public static BucketPage Read(AdminQuery query, string scope, long width, int limit)
    {
        long start = query.RequiredLong("start_time");
        long? endTime = query.OptionalLong("end_time");
        if (endTime is { } e && e <= start)
            throw new BadRequestException($"Invalid value for 'end_time': {e}. It must be greater than start_time ({start}).", "end_time");

        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        long next, end;
        if (query.Single("page") is { } page)
        {
            (next, end) = Decode(page, scope, start);
        }
        else
        {
            next = start;
            end = Math.Min(endTime ?? now, now);
        }

        var buckets = new List<Bucket>(Math.Min(limit, 1441));
        long s = next;
        while (s < end && buckets.Count < limit)
        {
            long bucketEnd = Math.Min(NextBoundary(s, width), end);
            buckets.Add(new Bucket(s, bucketEnd));
            s = bucketEnd;
        }
        return new BucketPage(buckets, s < end ? Encode(s, end, scope) : null);
    }

    /// <summary>The first boundary (multiple of width since the Unix epoch, i.e. UTC-aligned) strictly after t.</summary>
    public static long NextBoundary(long t, long width) => FloorDiv(t, width) * width + width;

    public static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    public static long Mod(long a, long m) => ((a % m) + m) % m;

    private static string Encode(long next, long end, string scope)
    {
        Span<byte> bytes = stackalloc byte[20];
        BinaryPrimitives.WriteInt64BigEndian(bytes, next);
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], end);
        BinaryPrimitives.WriteUInt32BigEndian(bytes[16..], Hash(scope));
        return "page_" + Convert.ToBase64String(bytes);
    }

    private static (long Next, long End) Decode(string page, string scope, long start)
    {
        byte[]? bytes = null;
        if (page.StartsWith("page_", StringComparison.Ordinal))
        {
            try { bytes = Convert.FromBase64String(page["page_".Length..]); }
            catch (FormatException) { }
        }
        if (bytes is { Length: 20 })
        {
            long next = BinaryPrimitives.ReadInt64BigEndian(bytes);
            long end = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(8));
            uint hash = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(16));
            if (hash == Hash(scope) && start <= next && next < end) return (next, end);
        }
        throw new BadRequestException($"Invalid value for 'page': '{page}' is not a cursor issued for this query.", "page");
    }

    /// <summary>FNV-1a, stable across processes.</summary>
    private static uint Hash(string text)
    {
        uint h = 2166136261;
        foreach (char c in text)
        {
            h ^= c;
            h *= 16777619;
        }
        return h;
    }
}
