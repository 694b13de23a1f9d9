namespace OpenAIBilling.Dates
{
    /// <summary>Named date ranges for <c>-Period</c>; each ends today (UTC) unless it lies wholly in the past.</summary>
    public enum Period
    {
        Today,
        Yesterday,
        Last7Days,
        Last30Days,
        ThisMonth,
        LastMonth,
        ThisYear,
    }
}
