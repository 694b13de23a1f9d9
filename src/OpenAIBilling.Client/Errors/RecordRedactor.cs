using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Reflection;
using OpenAIBilling.Keys;

namespace OpenAIBilling.Errors
{
    /// <summary>
    /// Passes every string an output object took from a server (<c>PlanId</c>, <c>PlanTitle</c>, a grant's <c>Id</c>,
    /// <c>LineItem</c>, …) through <see cref="SecretRedactor"/> for the key that asked, so an echoed key or a terminal
    /// escape never reaches the pipeline. <c>Name</c> (the user's own label), <c>KeyHint</c> and <c>BaseUri</c> (the
    /// module's own) are left as they are.
    /// </summary>
    public static class RecordRedactor
    {
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
                            && p.Name != nameof(BillingRecord.Name) && p.Name != nameof(BillingRecord.KeyHint) && p.Name != nameof(BillingRecord.BaseUri))
                .ToArray();
    }
}
