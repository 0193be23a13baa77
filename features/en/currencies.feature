Feature: Contracts in another currency
  A project contract can be in another currency than the accounting currency of its legal entity.
  Dataverse keeps the sales in the contract's currency; Finance and Operations apps use it as the
  transaction currency and convert the amounts into the accounting currency with the exchange rates
  defined in Finance, valid at the accounting date. The accounting currency amount and the exchange
  rate go back to the actuals in Dataverse.

  Background:
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "Robot line Europe" for customer "Litware Europe" in the currency "EUR"
    And the contract bills time and material at 133.33 per hour, at a cost of 90.00 per hour

  @id:currency-whole-flow @doc:rule.transaction-currency @doc:rule.rate-at-accounting-date @doc:rule.cost-in-accounting-currency @doc:rule.writeback-fields
  Scenario: Invoiced in euros, booked in US dollars
    Given the exchange rate from "EUR" to "USD" is 1.085
    And "Bob" worked 7.5 hours and the time is approved
    Then the cost actual is in the currency "USD"
    And the unbilled sales actual is in the currency "EUR"
    When the unbilled sales are posted through the Project Operations integration journal
    Then the unbilled sales actual shows the accounting details:
      | Accounting currency amount | 1,084.98 |
      | Exchange rate              | 1.085    |
    When the project manager marks the billing backlog of the contract ready to invoice
    And the project manager creates a pro-forma invoice for the contract
    Then the pro-forma invoice is in the currency "EUR"
    And the pro-forma invoice totals 999.98
    When the project manager confirms the pro-forma invoice
    Then the project invoice proposal is in the currency "EUR"
    And the billed sales actual is in the currency "EUR"
    And the billed sales actual has no "Voucher number" yet
    When the periodic process "Import from staging table" runs
    And the project accountant posts the project invoice proposal
    Then the customer invoice is in the currency "EUR"
    And the project invoice proposal amounts to 999.98
    And the billed sales actual shows the accounting details:
      | Accounting currency amount | 1,084.98 |
      | Exchange rate              | 1.085    |
      | Sales tax amount           | 100.00   |
    And the voucher number is the voucher of the posted customer invoice

  @id:currency-missing-rate @doc:rule.import-needs-rate
  Scenario: Without an exchange rate the unbilled sales stay out of the journal until the rate exists
    Given "Bob" worked 8 hours and the time is approved
    When the periodic process "Import from staging table" runs
    Then the job log reports that no exchange rate from "EUR" to "USD" was found
    And the table Integration journal lines of the legal entity "USPM" holds 1 record
    And the unbilled sales actual has no "Exchange rate" yet
    And the unbilled sales actual has no "Voucher number" yet
    When the exchange rate from "EUR" to "USD" is 1.085
    And the periodic process "Import from staging table" runs again
    Then the table Integration journal lines of the legal entity "USPM" holds 2 records
