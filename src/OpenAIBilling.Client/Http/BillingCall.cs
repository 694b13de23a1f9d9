using OpenAIBilling.Hosts;
using OpenAIBilling.Keys;
using OpenAIBilling.Redaction;

namespace OpenAIBilling.Http
{
    /// <summary>Who asks whom, and how: one key against one host with one call's settings.</summary>
    internal sealed class BillingCall
    {
        public BillingCall(ApiKey key, BillingHost host, RequestSettings settings, string? name = null)
        {
            Key = key;
            Host = host;
            Settings = settings;
            Name = name;
        }

        /// <summary>The user's label for this key (<c>-Name</c>), carried into every output object.</summary>
        public string? Name { get; }

        public ApiKey Key { get; }

        public BillingHost Host { get; }

        public RequestSettings Settings { get; }

        /// <summary>The same call, its requests stopped by <paramref name="cancellationToken"/>.</summary>
        internal BillingCall WithCancellation(System.Threading.CancellationToken cancellationToken) =>
            new BillingCall(Key, Host, Settings.WithCancellation(cancellationToken), Name);

        /// <summary>
        /// Sets the fields every output object carries (Name, KeyHint and BaseUri) and redacts the server's strings in
        /// it for this key; figures that cannot be real are warned about. Called in one place, where a record is
        /// emitted (the cmdlets' work item), so the queries build their records without it.
        /// </summary>
        public T Stamp<T>(T record) where T : BillingRecord
        {
            RecordRedactor.Clean(record, Key);
            record.Name = Name;
            record.KeyHint = Key.Hint;
            record.BaseUri = Host.Display;
            Sources.FigureCheck.Warn(this, record);
            return record;
        }
    }
}
