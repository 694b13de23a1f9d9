# examples/runbooks/Watch-OpenAIBalance.ps1 as Azure Automation runs it: non-interactive, under
# Set-StrictMode -Version Latest, with the Automation and Az cmdlets stubbed, against the fake server.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:server = Start-FakeBillingServer
    $script:runbook = (Resolve-Path (Join-Path $PSScriptRoot '../../examples/runbooks/Watch-OpenAIBalance.ps1')).Path
    function script:Get-Hint([string] $Key) { 'sk-...' + $Key.Substring($Key.Length - 4) }

    # Runs the runbook in a child shell; $Credentials and $Secrets map names to keys for the stubs.
    function script:Invoke-Runbook {
        param([hashtable] $Credentials = @{}, [hashtable] $Secrets = @{}, [string] $Arguments = '')
        $script = @'
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
Import-Module '{0}'
$credentials = '{1}' | ConvertFrom-Json -AsHashtable
$secrets = '{2}' | ConvertFrom-Json -AsHashtable
$script:connected = $false
function Get-AutomationPSCredential {{ param([string] $Name)
    if ($credentials.ContainsKey($Name)) {{ [pscredential]::new($Name, (ConvertTo-SecureString $credentials[$Name] -AsPlainText -Force)) }} }}
function Connect-AzAccount {{ param([switch] $Identity) if (-not $Identity) {{ throw 'not with the managed identity' }}; $script:connected = $true; [pscustomobject]@{{ Context = 'stub' }} }}
function Get-AzKeyVaultSecret {{ param([string] $VaultName, [string] $Name)
    if (-not $script:connected) {{ throw 'Connect-AzAccount was not called first' }}
    if ($secrets.ContainsKey($Name)) {{ [pscustomobject]@{{ Name = $Name; SecretValue = (ConvertTo-SecureString $secrets[$Name] -AsPlainText -Force) }} }} }}
try {{
    $output = @(& '{3}' -BaseUri '{4}' {5})
    "OUTPUTCOUNT $($output.Count)"
    "SUMMARY " + ($output[0] | Select-Object Checked, Fine, Low, UsedUp, RunningOut, Failed | ConvertTo-Json -Compress)
    'JOB COMPLETED'
}}
catch {{
    "JOB FAILED: $($_.Exception.Message)"
}}
'@ -f (Get-ModuleManifestPath), ($Credentials | ConvertTo-Json -Compress), ($Secrets | ConvertTo-Json -Compress), $runbook, $server.Relay, $Arguments
        Invoke-ChildShell -Script $script
    }
    $script:fine1 = New-TestKey 'sk-' 'relayok' -Number 71
    $script:fine2 = New-TestKey 'sk-' 'relayok' -Number 72
    $script:unlimited = New-TestKey 'sk-' 'relayinfinite' -Number 73   # unlimited, never expires
    $script:invalid = New-TestKey 'sk-' 'invalid' -Number 74
}
AfterAll {
    $script:server | Stop-FakeBillingServer
}

Describe 'Watch-OpenAIBalance.ps1' {
    It 'completes when every key is fine, with one summary object (keys from Automation credentials)' {
        $run = Invoke-Runbook -Credentials @{ a = $fine1; b = $unlimited } -Arguments '-CredentialName a, b -MinimumAvailableUsd 10'
        $run.Output | Should -Match 'JOB COMPLETED'
        $run.Output | Should -Match 'OUTPUTCOUNT 1'
        $run.Output | Should -Match '"Checked":2,"Fine":2'
    }

    It 'completes when every key is fine (keys from Key Vault through the managed identity)' {
        $run = Invoke-Runbook -Secrets @{ prod = $fine1; test = $fine2 } -Arguments '-VaultName kv -SecretName prod, test'
        $run.Output | Should -Match 'JOB COMPLETED'
        $run.Output | Should -Match '"Checked":2,"Fine":2'
    }

    It 'fails the job naming the low key by KeyHint; an unlimited token (AvailableUsd null) is not low' {
        $run = Invoke-Runbook -Credentials @{ a = $fine1; b = $unlimited } -Arguments '-CredentialName a, b -MinimumAvailableUsd 25'
        $run.Output | Should -Match "JOB FAILED: .*low \(under 25 USD\): $([regex]::Escape((Get-Hint $fine1)))\."
        $run.Output | Should -Not -Match ([regex]::Escape((Get-Hint $unlimited)))
        $run.Output | Should -Not -Match ([regex]::Escape($fine1))
    }

    It 'fails the job naming the failed key by KeyHint, after checking the others' {
        $run = Invoke-Runbook -Credentials @{ a = $fine1; b = $invalid } -Arguments '-CredentialName a, b'
        $run.Output | Should -Match "JOB FAILED: .*failed: $([regex]::Escape((Get-Hint $invalid))) \(OpenAIBilling.InvalidApiKey\)"
        $run.Output | Should -Not -Match ([regex]::Escape((Get-Hint $fine1)))
    }

    It 'fails the job when there is no key to check' {
        $run = Invoke-Runbook -Arguments ''
        $run.Output | Should -Match 'JOB FAILED: No OpenAI keys to check'
    }
}
