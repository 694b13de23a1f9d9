# Nothing prompts, ever: every cmdlet runs with -Debug and with -Verbose in `pwsh -NonInteractive` with stdin closed,
# as a scheduler or an Azure Automation job runs it; verbose lines are tagged with the KeyHint, in input order
# (docs/DESIGN.md, "Flow through the code").
BeforeDiscovery {
    # The cmdlet list is read from the module itself, so a new cmdlet is tested without editing this file.
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-OpenAIBilling
    $commandNames = @(Get-Command -Module OpenAIBilling -CommandType Cmdlet).Name
}
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:server = Start-FakeBillingServer
    Import-OpenAIBilling
    # A call that succeeds for each cmdlet, by name; any cmdlet not listed is run with a relay key (and may fail
    # for that key, which must still be an error, not a prompt).
    $script:callTemplate = @'
$ErrorActionPreference = 'Continue'
Import-Module '{0}'
$relay = '{1}'; $openai = '{2}'
$calls = @{{
    'Get-OpenAIBalance'      = @{{ ApiKey = 'sk-relayok{3}'; BaseUri = $relay }}
    'Get-OpenAISubscription' = @{{ ApiKey = 'sk-relayok{3}'; BaseUri = $relay }}
    'Get-OpenAIUsage'        = @{{ ApiKey = 'sk-relayok{3}'; BaseUri = $relay }}
    'Get-OpenAICreditGrant'  = @{{ ApiKey = 'sess-paid{3}'; BaseUri = $openai }}
    'Get-OpenAITokenUsage'   = @{{ ApiKey = 'sk-admin-org{3}'; BaseUri = $openai; Period = 'Today' }}
}}
foreach ($command in Get-Command -Module OpenAIBilling -CommandType Cmdlet) {{
    $parameters = if ($calls.ContainsKey($command.Name)) {{ $calls[$command.Name] }} else {{ @{{ ApiKey = 'sk-relayok{3}'; BaseUri = $relay }} }}
    foreach ($switch in 'Debug', 'Verbose') {{
        $switches = @{{ $switch = $true }}
        try {{
            $streams = & $command @parameters @switches -WarningAction SilentlyContinue *>&1
            $objects = @($streams | Where-Object {{ $_ -is [OpenAIBilling.BillingRecord] }})
            $errors = @($streams | Where-Object {{ $_ -is [System.Management.Automation.ErrorRecord] }})
            "RESULT $($command.Name) -$switch objects=$($objects.Count) errors=$($errors.FullyQualifiedErrorId -join ';')"
        }}
        catch {{
            "RESULT $($command.Name) -$switch threw $($_.FullyQualifiedErrorId): $_"
        }}
    }}
}}
'@
}
AfterAll {
    $script:server | Stop-FakeBillingServer
}

Describe 'Under -NonInteractive with stdin closed' {
    BeforeAll {
        $script:script = $callTemplate -f (Get-ModuleManifestPath), $server.Relay, $server.OpenAI, ('{0:D24}' -f 51)
        $script:run = Invoke-ChildShell -Script $script
        $script:results = @($run.Output -split "`r?`n" | Where-Object { $_ -like 'RESULT *' })
        $script:commands = @(Get-Command -Module OpenAIBilling -CommandType Cmdlet).Name
    }

    It 'the child shell ran every cmdlet twice' {
        $run.ExitCode | Should -Be 0
        $results | Should -HaveCount (2 * $commands.Count)
    }

    It '<_> answers with -Debug and with -Verbose, and nothing prompts' -ForEach $commandNames {
        $command = $_
        foreach ($switch in 'Debug', 'Verbose') {
            $line = $results | Where-Object { $_ -like "RESULT $command -$switch *" }
            $line | Should -Not -BeNullOrEmpty
            $line | Should -Not -Match 'threw|Prompt|Read and Prompt'
            if ($command -in 'Get-OpenAIBalance', 'Get-OpenAISubscription', 'Get-OpenAIUsage', 'Get-OpenAICreditGrant', 'Get-OpenAITokenUsage') {
                $line | Should -Match 'objects=[1-9]\d* errors=$'
            }
        }
    }
}

Describe 'Verbose lines' {
    It 'are written only with -Verbose, not with -Debug alone' {
        $key = New-TestKey 'sk-' 'relayok' -Number 52
        $streams = Get-OpenAIBalance -ApiKey $key -BaseUri $server.Relay -Debug 4>&1 5>&1
        @($streams | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) | Should -HaveCount 0
        @($streams | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }) | Should -Not -BeNullOrEmpty
    }

    It 'are each tagged with their KeyHint, in input order' {
        $keys = 1..5 | ForEach-Object { New-TestKey 'sk-' 'relayok-jitter' -Number (60 + $_) }
        $hints = $keys | ForEach-Object { 'sk-...' + $_.Substring($_.Length - 4) }
        $verbose = @($keys | Get-OpenAIBalance -BaseUri $server.Relay -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $verbose | Should -Not -BeNullOrEmpty
        foreach ($line in $verbose) { $line | Should -Match '^sk-\.\.\.\d{4}: ' }
        $order = @($verbose | ForEach-Object { $_.Substring(0, 10) } | Select-Object -Unique)
        $order | Should -Be $hints
    }
}

Describe 'Warnings under -Debug' {
    It 'go out as debug lines: with -Debug, PowerShell would make a warning inquire, which fails under -NonInteractive' {
        # A relay answers all time whatever dates are asked, so Yesterday's usage warns.
        $script = @'
Import-Module '{0}'
$streams = Get-OpenAIUsage -ApiKey 'sk-relayok{1}' -BaseUri '{2}' -Period Yesterday -Debug -ErrorAction Stop 5>&1
"RECORDS $(@($streams | Where-Object {{ $_ -is [OpenAIBilling.CostRecord] }}).Count)"
$streams | Where-Object {{ $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -like 'WARNING: *' }} | ForEach-Object {{ "DEBUGWARNING $($_.Message)" }}
$warned = Get-OpenAIUsage -ApiKey 'sk-relayok{1}' -BaseUri '{2}' -Period Yesterday -Debug -WarningAction Continue -WarningVariable w 3>$null 5>$null
"WARNINGS $($w.Count)"
'@ -f (Get-ModuleManifestPath), ('{0:D24}' -f 54), $server.Relay
        $run = Invoke-ChildShell -Script $script
        $run.Output | Should -Not -Match 'Read and Prompt'
        $run.Output | Should -Match 'RECORDS 1'
        $run.Output | Should -Match 'DEBUGWARNING WARNING: sk-\.\.\.0054: .*since it was created'
        $run.Output | Should -Match 'WARNINGS 1'
    }
}

Describe 'A Local date in a time zone far from UTC' {
    It 'is converted to UTC before its date is taken (-StartDate (Get-Date))' {
        # A zone whose local date differs from the UTC date now: ahead of UTC late in the UTC day, behind it early.
        $zone = if ([datetime]::UtcNow.Hour -ge 11) { 'Pacific/Kiritimati' } else { 'Pacific/Pago_Pago' }
        $script = @'
Import-Module '{0}'
$now = Get-Date
"LOCALDATE $($now.ToString('yyyy-MM-dd'))"
$records = Get-OpenAIUsage -ApiKey 'sk-admin-org{1}' -BaseUri '{2}' -StartDate $now -Granularity Daily -ErrorAction Stop
"STARTDATE $($records[0].StartDate.ToString('yyyy-MM-dd'))"
'@ -f (Get-ModuleManifestPath), ('{0:D24}' -f 53), $server.OpenAI
        $run = Invoke-ChildShell -Script $script -Environment @{ TZ = $zone }
        $today = [datetime]::UtcNow.Date.ToString('yyyy-MM-dd')
        $run.Output -match 'LOCALDATE (\d{4}-\d\d-\d\d)' | Should -BeTrue
        $Matches[1] | Should -Not -Be $today
        $run.Output | Should -Match "STARTDATE $today"
    }
}
