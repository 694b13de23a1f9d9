# Objects chain for the same key: every output object carries the key that produced it, invisibly, and any cmdlet of
# the module answers it for that key and host. A copy without the key is NoApiKey, never the environment's key
# (docs/DESIGN.md, "Keys, hosts and the environment").
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:server = Start-FakeBillingServer
    Import-OpenAIBilling
    $script:folder = Join-Path ([IO.Path]::GetTempPath()) ('openaibilling-chain-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory $folder
    $script:relayKey = New-TestKey 'sk-' 'relayok' -Number 11
    $script:sessionKey = New-TestKey 'sess-' 'paid' -Number 12
    $script:adminKey = New-TestKey 'sk-admin-' 'org' -Number 13
    $script:environmentKey = New-TestKey 'sk-' 'relayok' -Number 99
    function script:Get-Hint([string] $Key) { $Key.Substring(0, $Key.LastIndexOf('-') + 1) + '...' + $Key.Substring($Key.Length - 4) }
    # One object of each kind the module writes, each from its own key and host.
    $script:producers = [ordered]@{
        Balance          = { Get-OpenAIBalance -ApiKey $relayKey -BaseUri $server.Relay }
        Subscription     = { Get-OpenAISubscription -ApiKey $relayKey -BaseUri $server.Relay }
        CostRecord       = { Get-OpenAIUsage -ApiKey $relayKey -BaseUri $server.Relay | Select-Object -First 1 }
        CreditGrant      = { Get-OpenAICreditGrant -ApiKey $sessionKey -BaseUri $server.OpenAI | Select-Object -First 1 }
        TokenUsageRecord = { Get-OpenAITokenUsage -ApiKey $adminKey -BaseUri $server.OpenAI -Period Today | Select-Object -First 1 }
    }
}
AfterAll {
    $script:server | Stop-FakeBillingServer
    Remove-Item -Recurse -Force $folder -ErrorAction SilentlyContinue
    Remove-Item Env:OPENAI_API_KEY, Env:OPENAI_ADMIN_KEY -ErrorAction SilentlyContinue
}

Describe 'Objects chain for the same key' {
    BeforeEach {
        # Another key in the environment: a chained call must never use it.
        $env:OPENAI_API_KEY = $environmentKey
        $env:OPENAI_ADMIN_KEY = New-TestKey 'sk-admin-' 'org' -Number 98
    }

    It 'Get-OpenAIBalance | Where-Object AvailableUsd -lt 50 | Get-OpenAIUsage reports the low keys'' own spending' {
        $keys = 1..3 | ForEach-Object { New-TestKey 'sk-' 'relayok' -Number (20 + $_) }
        Clear-FakeServerLog $server
        $usage = $keys | Get-OpenAIBalance -BaseUri $server.Relay | Where-Object AvailableUsd -lt 50 | Get-OpenAIUsage -Period Last7Days -WarningAction SilentlyContinue
        $usage.KeyHint | Should -Be @($keys | ForEach-Object { Get-Hint $_ })
        $usage.BaseUri | Select-Object -Unique | Should -Be $server.Relay.TrimEnd('/')
        (Get-FakeServerLog $server).keyMarker | Should -Not -Contain $null
    }

    It 'a <_> is answered by every cmdlet of the module for the key and host that produced it' -ForEach 'Balance', 'Subscription', 'CostRecord', 'CreditGrant', 'TokenUsageRecord' {
        $record = & $producers[$_]
        $record | Should -Not -BeNullOrEmpty
        $record.GetType().Name | Should -Be $_
        foreach ($command in Get-Command -Module OpenAIBilling -CommandType Cmdlet) {
            $answers = $record | & $command -ErrorAction SilentlyContinue -ErrorVariable failures -WarningAction SilentlyContinue
            foreach ($answer in @($answers)) {
                "$($command.Name): $($answer.KeyHint) $($answer.BaseUri)" | Should -Be "$($command.Name): $($record.KeyHint) $($record.BaseUri)"
            }
            foreach ($failure in @($failures)) {
                "$($command.Name): $($failure.FullyQualifiedErrorId)" | Should -Not -BeLike '*OpenAIBilling.NoApiKey*'
                "$($command.Name): $($failure.TargetObject.KeyHint)" | Should -Be "$($command.Name): $($record.KeyHint)"
            }
            @($answers).Count + @($failures).Count | Should -BeGreaterThan 0
        }
    }

    It 'an admin key''s objects chain to the admin reports on its own host' {
        $balance = Get-OpenAIBalance -ApiKey $adminKey -BaseUri $server.OpenAI
        $records = $balance | Get-OpenAITokenUsage -Period Today
        $records | Should -Not -BeNullOrEmpty
        $records.KeyHint | Select-Object -Unique | Should -Be (Get-Hint $adminKey)
    }
}

Describe 'A piped object without a key' {
    BeforeAll {
        $env:OPENAI_API_KEY = $environmentKey
        $script:balance = Get-OpenAIBalance -ApiKey $relayKey -BaseUri $server.Relay -Name 'copied'
        $balance | Export-Clixml (Join-Path $folder 'balance.xml')
        $balance | Export-Csv (Join-Path $folder 'balance.csv') -NoTypeInformation
    }

    It 'is NoApiKey for that item, never the environment''s key: <Label>' -ForEach @(
        @{ Label = 'a Select-Object copy'; Make = { $balance | Select-Object * } }
        @{ Label = 'a PSCustomObject with BaseUri and Name'; Make = { [pscustomobject]@{ BaseUri = $server.Relay; Name = 'made by hand' } } }
        @{ Label = 'an Import-Clixml object'; Make = { Import-Clixml (Join-Path $folder 'balance.xml') } }
        @{ Label = 'a CSV row without a key column'; Make = { Import-Csv (Join-Path $folder 'balance.csv') } }
    ) {
        $copy = & $Make
        Clear-FakeServerLog $server
        $answers = $copy | Get-OpenAIBalance -ErrorAction SilentlyContinue -ErrorVariable failures
        $answers | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'OpenAIBilling.NoApiKey,OpenAIBilling.Commands.GetOpenAIBalanceCommand'
        @(Get-FakeServerLog $server) | Should -HaveCount 0
    }

    It 'goes on with the next item' {
        $items = @([pscustomobject]@{ BaseUri = $server.Relay; Name = 'no key' }, $balance)
        $answers = $items | Get-OpenAISubscription -ErrorAction SilentlyContinue -ErrorVariable failures
        $answers.KeyHint | Should -Be (Get-Hint $relayKey)
        $failures | Should -HaveCount 1
    }
}

Describe 'The key inside an object never shows' {
    BeforeAll {
        $script:secretKey = New-TestKey 'sk-' 'relayok' -Number 31
        $script:balance = Get-OpenAIBalance -ApiKey $secretKey -BaseUri $server.Relay
        $script:publicNames = [OpenAIBilling.Balance].GetProperties().Name
        # The key, and a piece of its body, which the redactor also treats as secret.
        function script:Should-NotLeak([string] $Text) {
            $Text | Should -Not -BeNullOrEmpty
            $Text.Contains($secretKey) | Should -BeFalse
            $Text.Contains($secretKey.Substring(3, 12)) | Should -BeFalse
        }
    }

    It 'not in the default view' { Should-NotLeak ($balance | Out-String -Width 200) }
    It 'not in Format-List *' { Should-NotLeak ($balance | Format-List * | Out-String -Width 200) }
    It 'not in Select-Object *' {
        $copy = $balance | Select-Object *
        $copy.PSObject.Properties.Name | Should -Be $publicNames
        Should-NotLeak ($copy | Format-List * | Out-String -Width 200)
    }
    It 'not in Export-Csv' {
        $path = Join-Path $folder 'leak.csv'
        $balance | Export-Csv $path -NoTypeInformation
        Should-NotLeak (Get-Content -Raw $path)
        (Import-Csv $path).PSObject.Properties.Name | Should -Be $publicNames
    }
    It 'not in ConvertTo-Json' {
        $json = $balance | ConvertTo-Json -Depth 5
        Should-NotLeak $json
        ($json | ConvertFrom-Json).PSObject.Properties.Name | Should -Be $publicNames
    }
    It 'not in Export-Clixml' {
        $path = Join-Path $folder 'leak.xml'
        $balance | Export-Clixml $path -Depth 5
        Should-NotLeak (Get-Content -Raw $path)
    }
    It 'not in Get-Member, with or without -Force' {
        ($balance | Get-Member -MemberType Properties).Name | Sort-Object | Should -Be ($publicNames | Sort-Object)
        ($balance | Get-Member -Force).Name | Should -Not -Contain 'Origin'
        Should-NotLeak ($balance | Get-Member -Force | Out-String -Width 300)
    }
    It 'not in any stream of a chained call' {
        $all = $balance | Get-OpenAIUsage -Verbose -Debug *>&1 | Out-String -Width 300
        Should-NotLeak $all
    }
}
