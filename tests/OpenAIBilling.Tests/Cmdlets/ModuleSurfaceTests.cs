using OpenAIBilling.Commands;
using OpenAIBilling.Tests.Support;
using Xunit;

namespace OpenAIBilling.Tests.Cmdlets
{
    /// <summary>
    /// The cmdlet assembly makes public what PowerShell needs and a user meets: the cmdlets (and their abstract bases),
    /// the module initializer, its exception, and an error's TargetObject (docs/DESIGN.md, "Layout").
    /// </summary>
    public class ModuleSurfaceTests
    {
        private static readonly string[] ModulePublicTypes =
        {
            "OpenAIBilling.Commands.BillingCommand",
            "OpenAIBilling.Commands.GetOpenAIBalanceCommand",
            "OpenAIBilling.Commands.GetOpenAICreditGrantCommand",
            "OpenAIBilling.Commands.GetOpenAISpendAlertCommand",
            "OpenAIBilling.Commands.GetOpenAISubscriptionCommand",
            "OpenAIBilling.Commands.GetOpenAITokenUsageCommand",
            "OpenAIBilling.Commands.GetOpenAIUsageCommand",
            "OpenAIBilling.Commands.Module.ModuleInitializer",
            "OpenAIBilling.Commands.Module.UnsupportedPowerShellException",
            "OpenAIBilling.Commands.Pipeline.ErrorTarget",
            "OpenAIBilling.Commands.RangeReportCommand",
        };

        [Fact]
        public void The_cmdlet_assembly_makes_public_only_what_PowerShell_and_its_users_need()
        {
            var exported = ExportedTypes.Of(typeof(BillingCommand).Assembly);

            Assert.Equal(ModulePublicTypes, exported);
        }
    }
}
