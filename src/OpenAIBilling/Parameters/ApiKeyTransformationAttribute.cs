using System;
using System.Management.Automation;
using System.Security;

namespace OpenAIBilling.Commands.Parameters
{
    /// <summary>
    /// Lets <c>-ApiKey</c> take a string, a <see cref="SecureString"/>, a <see cref="PSCredential"/> (its password) or
    /// an output object of this module (the key that produced it), and nothing else. Any other object is passed on
    /// untouched so that it fails to convert to <see cref="SecureString"/>: piped whole (a CSV row, a copy made by
    /// Select-Object), it then does not bind by value and PowerShell binds its properties by name instead
    /// (docs/DESIGN.md, "Keys, hosts and the environment").
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ApiKeyTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case null:
                    return null;
                case SecureString secure:
                    return secure;
                case string text:
                    return SecureText.ToSecureString(text);
                case PSCredential credential:
                    return credential.Password ?? new SecureString();
                case BillingRecord record when record.Origin != null:
                    return SecureText.ToSecureString(record.Origin.Secret);
                default:
                    return inputData;
            }
        }
    }
}
