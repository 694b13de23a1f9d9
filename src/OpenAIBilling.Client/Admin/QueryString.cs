using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OpenAIBilling.Admin
{
    /// <summary>Builds query strings as the official SDK does: arrays as repeated <c>name[]=value</c>.</summary>
    internal sealed class QueryString
    {
        private readonly StringBuilder _text = new StringBuilder();

        public QueryString Add(string name, string? value)
        {
            if (value != null)
            {
                _text.Append(_text.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            }

            return this;
        }

        public QueryString Add(string name, long value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

        public QueryString AddArray(string name, IEnumerable<string>? values)
        {
            if (values != null)
            {
                foreach (var value in values)
                {
                    Add(name + "[]", value);
                }
            }

            return this;
        }

        public override string ToString() => _text.ToString();
    }
}
