using OpenAIBilling.Keys;

namespace OpenAIBilling
{
    /// <summary>What every output object carries: which input it answers for.</summary>
    public abstract class BillingRecord
    {
        /// <summary>The label given with <c>-Name</c> (or a CSV's Name column); null when none.</summary>
        public string? Name { get; set; }

        /// <summary>The key's kind prefix, <c>...</c> and its last 4 characters: the only trace of the key.</summary>
        public string KeyHint { get; set; } = string.Empty;

        /// <summary>The base URI asked, without <c>/v1</c>.</summary>
        public string BaseUri { get; set; } = string.Empty;

        /// <summary>
        /// The key that produced this object, so that piping it into another cmdlet of the module answers for the same
        /// key. Internal, so PowerShell never sees it: not in views, <c>Format-List *</c>, <c>Select-Object *</c>,
        /// <c>Export-Csv</c>, <c>ConvertTo-Json</c>, <c>Export-Clixml</c> or <c>Get-Member</c>; a copy of the object
        /// does not carry it (docs/DESIGN.md, "Keys, hosts and the environment").
        /// </summary>
        internal ApiKey? Origin { get; set; }
    }
}
