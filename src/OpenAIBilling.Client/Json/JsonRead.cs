using System;
using System.Globalization;
using System.Text.Json;

namespace OpenAIBilling.Json
{
    /// <summary>
    /// Readers for the shapes in the wild: a field may be missing or null (then null comes back), a number may come as
    /// a numeric string, a timestamp as an integer or a float. A field that is present with the wrong kind of value
    /// (a word where a number belongs, an array where an object belongs) is a body of the wrong shape:
    /// <see cref="BodyShapeException"/>. Money goes through <see cref="decimal"/>, never <see cref="double"/>.
    /// </summary>
    internal static class JsonRead
    {
        private static readonly DateTimeOffset UnixEpoch = new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public static JsonElement? Property(JsonElement obj, string name)
        {
            if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                return value;
            }

            return null;
        }

        public static string? String(JsonElement obj, string name)
        {
            var value = Property(obj, name);
            switch (value?.ValueKind)
            {
                case JsonValueKind.String: return AsString(value.Value);
                case JsonValueKind.Number:
                case JsonValueKind.True:
                case JsonValueKind.False: return value.Value.GetRawText();
                default: return null;
            }
        }

        public static decimal? Decimal(JsonElement obj, string name)
        {
            var value = Property(obj, name);
            if (!value.HasValue)
            {
                return null;
            }

            return AsDecimal(value.Value) ?? throw WrongKind(name, "a number", value.Value);
        }

        public static decimal? AsDecimal(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Number:
                    if (value.TryGetDecimal(out var number))
                    {
                        return number;
                    }

                    // Exponent forms beyond decimal's range or precision ("1e400") are not money.
                    return ParseDecimal(value.GetRawText());
                case JsonValueKind.String:
                    return ParseDecimal(AsString(value));
                default:
                    return null;
            }
        }

        public static long? Long(JsonElement obj, string name)
        {
            decimal? value = Decimal(obj, name);
            if (value == null)
            {
                return null;
            }

            if (value.Value > long.MaxValue || value.Value < long.MinValue)
            {
                throw new BodyShapeException($"'{name}' is out of range");
            }

            return (long)decimal.Truncate(value.Value);
        }

        public static bool? Bool(JsonElement obj, string name)
        {
            var value = Property(obj, name);
            switch (value?.ValueKind)
            {
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case null: return null;
                case JsonValueKind.String:
                    return bool.TryParse(AsString(value.Value), out var parsed) ? parsed : throw WrongKind(name, "true or false", value.Value);
                default: throw WrongKind(name, "true or false", value!.Value);
            }
        }

        /// <summary>Unix seconds (integer, float or numeric string; milliseconds told apart by size) as a UTC instant; null when absent.</summary>
        public static DateTimeOffset? UnixTime(JsonElement obj, string name)
        {
            decimal? seconds = Decimal(obj, name);
            if (!seconds.HasValue)
            {
                return null;
            }

            return FromUnixSeconds(seconds.Value) ?? throw new BodyShapeException($"'{name}' is not a real time ({seconds.Value})");
        }

        /// <summary>
        /// Unix seconds as a UTC instant. A value beyond 10¹¹ (the year 5138 in seconds, 1973 in milliseconds) is read
        /// as milliseconds, which some hosts send (<c>expires_at: 1830297600000</c>).
        /// </summary>
        public static DateTimeOffset? FromUnixSeconds(decimal seconds)
        {
            const decimal MillisecondsAbove = 100000000000m;
            if (Math.Abs(seconds) > MillisecondsAbove)
            {
                seconds /= 1000;
            }

            // DateTimeOffset covers years 1..9999; anything outside is not a real timestamp.
            const decimal MaxSeconds = 253402300799m;
            const decimal MinSeconds = -62135596800m;
            if (seconds > MaxSeconds || seconds < MinSeconds)
            {
                return null;
            }

            long ticks = (long)decimal.Round(seconds * TimeSpan.TicksPerSecond);
            return UnixEpoch.AddTicks(ticks);
        }

        /// <summary>
        /// Checks that money is in US dollars: a <paramref name="name"/> field that is present and not "usd" (any case)
        /// makes the body unusable, since amounts are never relabelled (docs/DESIGN.md#output-objects-and-the-forecast).
        /// </summary>
        public static void RequireUsd(JsonElement obj, string name)
        {
            string? currency = String(obj, name);
            if (currency != null && !string.Equals(currency.Trim(), "usd", StringComparison.OrdinalIgnoreCase))
            {
                throw new BodyShapeException($"its money is in '{currency}', not US dollars, and is not converted");
            }
        }

        public static JsonElement? Array(JsonElement obj, string name) => OfKind(obj, name, JsonValueKind.Array, "an array");

        public static JsonElement? Object(JsonElement obj, string name) => OfKind(obj, name, JsonValueKind.Object, "an object");

        private static JsonElement? OfKind(JsonElement obj, string name, JsonValueKind kind, string what)
        {
            var value = Property(obj, name);
            if (value.HasValue && value.Value.ValueKind != kind)
            {
                throw WrongKind(name, what, value.Value);
            }

            return value;
        }

        private static BodyShapeException WrongKind(string name, string expected, JsonElement actual) =>
            new BodyShapeException($"'{name}' should be {expected} but is {Describe(actual)}");

        private static string Describe(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Object: return "an object";
                case JsonValueKind.Array: return "an array";
                case JsonValueKind.String: return "a string that is not one";
                case JsonValueKind.True:
                case JsonValueKind.False: return "a boolean";
                default: return "a " + value.ValueKind.ToString().ToLowerInvariant();
            }
        }

        /// <summary>A JSON string's text; one that cannot be UTF-16 (a lone surrogate escape) comes back as written.</summary>
        public static string AsString(JsonElement value)
        {
            try
            {
                return value.GetString() ?? string.Empty;
            }
            catch (InvalidOperationException)
            {
                string raw = value.GetRawText();
                return raw.Length >= 2 ? raw.Substring(1, raw.Length - 2) : raw;
            }
        }

        private static decimal? ParseDecimal(string? text)
        {
            if (text != null && decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }

            return null;
        }
    }
}
