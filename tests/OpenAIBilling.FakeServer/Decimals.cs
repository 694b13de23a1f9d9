namespace OpenAIBilling.FakeServer;

/// <summary>Decimal helpers so JSON numbers come out without float noise or pointless trailing zeros.</summary>
internal static class Decimals
{
    /// <summary>Strips trailing zeros, then pads to at least <paramref name="minScale"/> decimals (0.0 stays 0.0).</summary>
    public static decimal Normalize(decimal value, int minScale = 0)
    {
        decimal stripped = value / 1.0000000000000000000000000000m;
        if (stripped.Scale >= minScale) return stripped;
        return stripped + new decimal(0, 0, 0, false, (byte)minScale);
    }
}
