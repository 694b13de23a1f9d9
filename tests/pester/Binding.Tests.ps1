# How keys, base URIs and dates bind (docs/DESIGN.md, "Keys, hosts and the environment" and "Dates and windows").
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-OpenAIBilling
    $commandNames = @(Get-Command -Module OpenAIBilling -CommandType Cmdlet).Name
}
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:server = Start-FakeBillingServer
    Import-OpenAIBilling
    $script:key = New-TestKey 'sk-' 'relayok' -Number 41
    $script:hint = 'sk-...' + $key.Substring($key.Length - 4)
}
AfterAll {
    $script:server | Stop-FakeBillingServer
}

Describe '-ApiKey' {
    It 'takes a PSCredential, using its password (what Get-AutomationPSCredential gives)' {
        $credential = [pscredential]::new('automation', (ConvertTo-SecureString $key -AsPlainText -Force))
        (Get-OpenAIBalance -ApiKey $credential -BaseUri $server.Relay).KeyHint | Should -Be $hint
        ($credential | Get-OpenAIBalance -BaseUri $server.Relay).KeyHint | Should -Be $hint
    }

    It 'takes a SecureString' {
        (Get-OpenAIBalance -ApiKey (ConvertTo-SecureString $key -AsPlainText -Force) -BaseUri $server.Relay).KeyHint | Should -Be $hint
    }

    It 'rejects any other type on the command line' {
        { Get-OpenAIBalance -ApiKey @{ ApiKey = $key } -BaseUri $server.Relay } | Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,OpenAIBilling.Commands.GetOpenAIBalanceCommand'
    }

    It 'is known as -<_> too' -ForEach 'Key', 'Token' {
        $parameters = @{ $_ = $key; BaseUri = $server.Relay }
        (Get-OpenAIBalance @parameters).KeyHint | Should -Be $hint
    }

    It '<_> takes keys from the pipeline by value and by property name' -ForEach $commandNames {
        $parameter = (Get-Command $_).Parameters['ApiKey']
        $parameter.ParameterSets.Values.ValueFromPipeline | Should -Not -Contain $false
        $parameter.ParameterSets.Values.ValueFromPipelineByPropertyName | Should -Not -Contain $false
        $parameter.Aliases | Should -Be @('Key', 'Token')
        (Get-Command $_).Parameters['BaseUri'].Aliases | Should -Be @('BaseUrl', 'Url')
    }

    It 'binds CSV columns named <KeyColumn> and <UriColumn>' -ForEach @(
        @{ KeyColumn = 'Key'; UriColumn = 'BaseUrl' }
        @{ KeyColumn = 'Token'; UriColumn = 'Url' }
        @{ KeyColumn = 'ApiKey'; UriColumn = 'BaseUri' }
    ) {
        $env:OPENAI_BASE_URL = $server.Balances
        $row = [pscustomobject]@{ $KeyColumn = $key; $UriColumn = $server.Relay; Name = 'row' }
        $balance = $row | Get-OpenAIBalance
        $balance.KeyHint | Should -Be $hint
        $balance.BaseUri | Should -Be $server.Relay.TrimEnd('/')
        $env:OPENAI_BASE_URL = $server.Relay
    }

    It 'a key with <Label> is InvalidApiKeyFormat before any request' -ForEach @(
        @{ Label = 'a byte-order mark'; Bad = { [char] 0xFEFF + $key } }
        @{ Label = 'curly quotes'; Bad = { [char] 0x201C + $key + [char] 0x201D } }
        @{ Label = 'a non-ASCII letter'; Bad = { $key.Substring(0, 10) + [char] 0x00E9 + $key.Substring(11) } }
        @{ Label = 'a control character'; Bad = { $key.Substring(0, 10) + [char] 7 + $key.Substring(11) } }
        @{ Label = 'a NUL'; Bad = { $key.Substring(0, 10) + [char] 0 + $key.Substring(11) } }
        @{ Label = 'inner whitespace'; Bad = { $key.Substring(0, 10) + ' ' + $key.Substring(11) } }
    ) {
        $bad = & $Bad
        Clear-FakeServerLog $server
        $bad | Get-OpenAIBalance -BaseUri $server.Relay -ErrorAction SilentlyContinue -ErrorVariable failures
        Get-OpenAIBalance -ApiKey $bad -BaseUri $server.Relay -ErrorAction SilentlyContinue -ErrorVariable +failures
        $failures | Should -HaveCount 2
        $failures.FullyQualifiedErrorId | Should -BeLike 'OpenAIBilling.InvalidApiKeyFormat,*'
        @(Get-FakeServerLog $server) | Should -HaveCount 0
        ($failures | Out-String) + ($failures.Exception.Message -join ' ') | Should -Not -Match ([regex]::Escape($key.Substring(12)))
    }
}

Describe 'Dates' {
    It '-EndDate alone starts on the first day of its month' {
        $end = [datetime]::UtcNow.Date.AddDays(-40)
        $records = Get-OpenAIUsage -ApiKey (New-TestKey 'sk-admin-' 'org') -BaseUri $server.OpenAI -EndDate $end
        $records[0].StartDate | Should -Be ([datetime]::new($end.Year, $end.Month, 1))
        $records[0].EndDate | Should -Be $end
    }

    It '-EndTime alone starts on the first day of its month' {
        $end = [DateTimeOffset]::new([datetime]::UtcNow.Date.AddDays(-40).AddHours(5), [TimeSpan]::Zero)
        Clear-FakeServerLog $server
        $null = Get-OpenAITokenUsage -ApiKey (New-TestKey 'sk-admin-' 'org') -BaseUri $server.OpenAI -EndTime $end
        $monthStart = [DateTimeOffset]::new($end.Year, $end.Month, 1, 0, 0, 0, [TimeSpan]::Zero).ToUnixTimeSeconds()
        (Get-FakeServerLog $server)[0].query | Should -Match "start_time=$monthStart(&|$)"
    }

    It 'no date parameter is mandatory, so nothing prompts for one' {
        foreach ($command in Get-Command -Module OpenAIBilling -CommandType Cmdlet) {
            foreach ($set in $command.ParameterSets) {
                "$($command.Name) $($set.Name): $(@($set.Parameters | Where-Object IsMandatory).Name)" | Should -Be "$($command.Name) $($set.Name): "
            }
        }
    }
}
