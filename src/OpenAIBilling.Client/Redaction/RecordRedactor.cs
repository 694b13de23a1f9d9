using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Reflection;
using OpenAIBilling.Keys;

namespace OpenAIBilling.Redaction
{
    /// <summary>
    /// Passes every string an output object took from a server (<c>PlanId</c>, <c>PlanTitle</c>, a grant's <c>Id</c>,
    /// <c>LineItem</c>, …) through <see cref="SecretRedactor"/> for the key that asked, so an echoed key or a terminal
    /// escape never reaches the pipeline. <c>Name</c> (the user's own label) and the module's own words (<c>KeyHint</c>,
    /// <c>BaseUri</c>, <c>Source</c>, <c>Status</c>, <c>Endpoint</c>) are left as they are: a key may well contain
    /// "exhausted" or "Subscription", and a fixed word of the module is no server text to hide.
    /// </summary>
    internal static class RecordRedactor
    {
        private static readonly string[] ModuleOwned =
        {
            nameof(BillingRecord.Name), nameof(BillingRecord.KeyHint), nameof(BillingRecord.BaseUri),
            nameof(Balance.Source), nameof(Balance.Status), nameof(TokenUsageRecord.Endpoint),
        };

        private static readonly ConcurrentDictionary<Type, PropertyInfo[]> StringProperties = new ConcurrentDictionary<Type, PropertyInfo[]>();

        public static void Clean(BillingRecord record, ApiKey? key)
        {
            foreach (var property in StringProperties.GetOrAdd(record.GetType(), Find))
            {
                if (property.GetValue(record) is string text && text.Length > 0)
                {
                    string clean = SecretRedactor.Redact(text, key);
                    if (!ReferenceEquals(clean, text) && clean != text)
                    {
                        property.SetValue(record, clean);
                    }
                }
            }
        }

        private static PropertyInfo[] Find(Type type) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType == typeof(string) && p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0
                            && Array.IndexOf(ModuleOwned, p.Name) < 0)
                .ToArray();
    }
}
