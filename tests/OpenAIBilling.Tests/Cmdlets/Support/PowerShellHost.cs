using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text;
using OpenAIBilling.Commands;

namespace OpenAIBilling.Tests.Support
{
    /// <summary>A runspace with the module imported, as a PowerShell host would have it.</summary>
    internal static class PowerShellHost
    {
        private static readonly Lazy<InitialSessionState> State = new Lazy<InitialSessionState>(() =>
        {
            var state = InitialSessionState.CreateDefault2();
            state.ImportPSModule(new[] { typeof(GetOpenAIBalanceCommand).Assembly.Location });
            return state;
        });

        public static PowerShell Create()
        {
            var shell = PowerShell.Create(State.Value);
            return shell;
        }

        /// <summary>Everything a run left in every stream and in $Error, as text, for secret scans.</summary>
        public static string AllText(PowerShell shell, IEnumerable<PSObject> output)
        {
            var text = new StringBuilder();
            foreach (var item in output)
            {
                text.AppendLine(item?.ToString());
                if (item != null)
                {
                    foreach (var property in item.Properties)
                    {
                        text.Append(property.Name).Append('=').AppendLine(SafeValue(property));
                    }
                }
            }

            foreach (var error in shell.Streams.Error)
            {
                AppendError(text, error);
            }

            foreach (var record in shell.Streams.Verbose) text.AppendLine(record.Message);
            foreach (var record in shell.Streams.Debug) text.AppendLine(record.Message);
            foreach (var record in shell.Streams.Warning) text.AppendLine(record.Message);
            foreach (var record in shell.Streams.Information) text.AppendLine(record.ToString());
            foreach (var record in shell.Streams.Progress) text.AppendLine(record.ToString());

            shell.Commands.Clear();
            foreach (var error in shell.AddScript("$Error").Invoke())
            {
                if (error?.BaseObject is ErrorRecord record)
                {
                    AppendError(text, record);
                }
                else
                {
                    text.AppendLine(error?.ToString());
                }
            }

            return text.ToString();
        }

        private static void AppendError(StringBuilder text, ErrorRecord error)
        {
            text.AppendLine(error.ToString());
            text.AppendLine(error.FullyQualifiedErrorId);
            text.AppendLine(error.ErrorDetails?.Message);
            text.AppendLine(error.ErrorDetails?.RecommendedAction);
            text.AppendLine(error.TargetObject?.ToString());
            for (Exception? ex = error.Exception; ex != null; ex = ex.InnerException)
            {
                text.AppendLine(ex.ToString());
            }
        }

        private static string SafeValue(PSPropertyInfo property)
        {
            try
            {
                return property.Value?.ToString() ?? string.Empty;
            }
            catch (Exception ex)
            {
                return ex.Message;
            }
        }
    }
}
