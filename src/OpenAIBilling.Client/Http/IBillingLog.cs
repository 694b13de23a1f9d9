namespace OpenAIBilling.Http
{
    /// <summary>Where the client reports what it does; the cmdlets forward it to PowerShell's streams.</summary>
    internal interface IBillingLog
    {
        /// <summary>Whether verbose messages are shown; per-request messages are not even built otherwise.</summary>
        bool WantsVerbose { get; }

        /// <summary>Whether debug messages are shown.</summary>
        bool WantsDebug { get; }

        void Verbose(string message);

        void Debug(string message);

        void Warning(string message);

        /// <summary>A range split into several windows: <paramref name="done"/> of <paramref name="total"/> are in.</summary>
        void WindowProgress(int done, int total);
    }

    /// <summary>A log that drops everything.</summary>
    internal sealed class NullBillingLog : IBillingLog
    {
        public static readonly NullBillingLog Instance = new NullBillingLog();

        public bool WantsVerbose => false;

        public bool WantsDebug => false;

        public void Verbose(string message) { }

        public void Debug(string message) { }

        public void Warning(string message) { }

        public void WindowProgress(int done, int total) { }
    }
}
