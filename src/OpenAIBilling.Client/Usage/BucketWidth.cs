namespace OpenAIBilling.Usage
{
    /// <summary>The width of a usage bucket.</summary>
    public enum BucketWidth
    {
        Day,
        Hour,
        Minute,
    }
}
