@{
    # The module manifest, edited here: the build writes it to the repository root as OpenAIBilling.psd1, with the
    # version of Directory.Build.props in ModuleVersion, beside the assemblies in bin/ and the help in en-US/.
    RootModule             = 'bin/OpenAIBilling.dll'
    ModuleVersion          = '{{ModuleVersion}}'
    GUID                   = '6f0f3c55-2d2e-4d0c-9a51-0c1f5e4b7a21'
    Author                 = 'OpenAIBilling contributors'
    CompanyName            = 'OpenAIBilling contributors'
    Copyright              = '(c) OpenAIBilling contributors. MIT License.'
    Description            = 'How much is left, what is my limit, what did I spend and on what: OpenAI and OpenAI-compatible relay billing from PowerShell. Picks the source that can answer for each key (Admin API, dashboard billing, relays, /v1/balances) and says which one did.'
    PowerShellVersion      = '5.1'
    CompatiblePSEditions   = @('Desktop', 'Core')
    FormatsToProcess       = @('module/OpenAIBilling.format.ps1xml')
    CmdletsToExport        = @(
        'Get-OpenAIBalance'
        'Get-OpenAISubscription'
        'Get-OpenAIUsage'
        'Get-OpenAICreditGrant'
        'Get-OpenAITokenUsage'
        'Get-OpenAISpendAlert'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('OpenAI', 'Billing', 'Usage', 'Costs', 'Balance', 'Quota', 'one-api', 'new-api', 'AzureAutomation', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/openaibilling/OpenAIBilling'
            LicenseUri   = 'https://github.com/openaibilling/OpenAIBilling/blob/main/LICENSE'
            ReleaseNotes = '0.1.0: Get-OpenAIBalance, Get-OpenAISubscription, Get-OpenAIUsage, Get-OpenAICreditGrant, Get-OpenAITokenUsage and Get-OpenAISpendAlert for relay tokens, session keys, /v1/balances hosts and Admin keys.'
        }
    }
}
