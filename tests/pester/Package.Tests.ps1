BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../build/BuildTools.psm1') -Force
    $script:root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:server = Start-FakeBillingServer
    New-ModulePackage -Root $root 6>$null
    $script:zip = Join-Path $root 'out/OpenAIBilling.zip'
    $script:unzipped = Join-Path ([IO.Path]::GetTempPath()) ('openaibilling-package-' + [guid]::NewGuid().ToString('N'))
    Expand-Archive $zip -DestinationPath $unzipped
    $script:pwsh = Get-PwshCommand
}
AfterAll {
    $script:server | Stop-FakeBillingServer
    Remove-Item -Recurse -Force $unzipped -ErrorAction SilentlyContinue
}

Describe 'The Azure Automation package' {
    It 'holds one OpenAIBilling folder with the manifest at its root' {
        (Get-ChildItem $unzipped).Name | Should -Be 'OpenAIBilling'
        Join-Path $unzipped 'OpenAIBilling/OpenAIBilling.psd1' | Should -Exist
        Join-Path $unzipped 'OpenAIBilling/bin/OpenAIBilling.dll' | Should -Exist
        Join-Path $unzipped 'OpenAIBilling/bin/dependencies/System.Text.Json.dll' | Should -Exist
        Join-Path $unzipped 'OpenAIBilling/en-US/OpenAIBilling.dll-Help.xml' | Should -Exist
        Join-Path $unzipped 'OpenAIBilling/en-US/about_OpenAIBilling.help.txt' | Should -Exist
    }

    It 'keeps every path under 140 characters and declares no module dependencies' {
        $folder = Join-Path $unzipped 'OpenAIBilling'
        Get-ChildItem -Recurse $folder | ForEach-Object { ('OpenAIBilling/' + [IO.Path]::GetRelativePath($folder, $_.FullName)).Length } |
            Measure-Object -Maximum | ForEach-Object Maximum | Should -BeLessThan 140
        $manifest = Import-PowerShellDataFile (Join-Path $folder 'OpenAIBilling.psd1')
        $manifest.ContainsKey('RequiredModules') | Should -BeFalse
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.PrivateData.PSData.Tags | Should -Contain 'PSEdition_Desktop'
        $manifest.PrivateData.PSData.Tags | Should -Contain 'PSEdition_Core'
    }

    It 'imports in a fresh strict non-interactive shell and runs the runbook against the fake server' {
        $modules = $unzipped
        $runbook = Join-Path $root 'examples/runbooks/Watch-OpenAIBalance.ps1'
        $keys = "healthy=$(New-TestKey 'sk-' 'relayok');unlimited=$(New-TestKey 'sk-' 'relayunlimited');broken=$(New-TestKey 'sk-' 'invalid')"
        $script = @"
Set-StrictMode -Version Latest
`$env:PSModulePath = '$modules' + [IO.Path]::PathSeparator + `$env:PSModulePath
`$global:automationKeys = ConvertFrom-StringData ('$keys' -replace ';', "``n")
function Get-AutomationPSCredential { param([string] `$Name) [pscredential]::new(`$Name, (ConvertTo-SecureString `$global:automationKeys[`$Name] -AsPlainText -Force)) }
try { `$null = & '$runbook' -CredentialName healthy, unlimited, broken -BaseUri '$($server.Relay)' -MinimumAvailableUsd 23; 'JOB COMPLETED' }
catch { 'JOB FAILED: ' + `$_.Exception.Message }
"@
        $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $script)
        $output = & $pwsh[0] @arguments 2>&1 | Out-String
        $LASTEXITCODE | Should -Be 0 -Because $output
        $output | Should -Match 'JOB FAILED: .*low \(under 23 USD\): sk-\.\.\.\d{4}.*failed: sk-\.\.\.\d{4} \(OpenAIBilling\.InvalidApiKey\)'
        $output | Should -Not -Match 'relayok0000'
    }
}
