namespace OpenAIBilling.Commands.Pipeline
{
    /// <summary>What a background item asks the pipeline thread to write, in the order it happened.</summary>
    internal readonly struct ItemEvent
    {
        private ItemEvent(ItemEventKind kind, object payload)
        {
            Kind = kind;
            Payload = payload;
        }

        public ItemEventKind Kind { get; }

        /// <summary>The output object, or the message text.</summary>
        public object Payload { get; }

        public static ItemEvent Output(object record) => new ItemEvent(ItemEventKind.Output, record);

        public static ItemEvent Message(ItemEventKind kind, string text) => new ItemEvent(kind, text);

        public static ItemEvent Progress(int done, int total) => new ItemEvent(ItemEventKind.WindowProgress, new[] { done, total });
    }

    internal enum ItemEventKind
    {
        Output,
        Verbose,
        Debug,
        Warning,
        /// <summary>Payload: int[] { done, total } windows of one key.</summary>
        WindowProgress,
    }
}
