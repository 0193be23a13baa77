Feature: Project invoice integration
  The project manager works the project billing backlog in Microsoft Dataverse and makes the pro-forma
  invoice for the customer there. From it, the accounts receivable clerk or the project accountant produces
  the customer-facing invoice in Finance and Operations apps, which receive the pro-forma invoice's details
  through dual-write. When that invoice is posted, the project actuals in Dataverse get its accounting details.

  Confirming the pro-forma invoice in Dataverse sends its header through the dual-write table map
  "Project invoice proposal V2 (invoices)". Nothing flows back from Finance and Operations apps.

  Source: Microsoft Learn, environment/resource-dual-write-project-invoice.md (Project invoice integration).

  Background:
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "ERP rollout" for customer "Contoso Ltd."
    And the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour

  @id:happy-path @doc:seed.pm-backlog-proforma @doc:seed.customer-facing-invoice @doc:seed.details-synchronized @doc:seed.accounting-written-back @doc:rule.actuals-on-approval @doc:rule.writeback-fields
  Scenario: From approved time to the accounting details in Dataverse
    Given "Bob" worked 8 hours and the time is approved
    And the unbilled sales are posted through the Project Operations integration journal
    When the project manager marks the billing backlog of the contract ready to invoice
    And the project manager creates a pro-forma invoice for the contract
    And the project manager confirms the pro-forma invoice
    And the periodic process "Import from staging table" runs
    And the project accountant posts the project invoice proposal
    Then the project invoice proposal has 1 line
    And the project invoice proposal amounts to 1,600.00
    And the billed sales actual shows the accounting details:
      | Accounting currency amount | 1,600.00 |
      | Exchange rate              | 1.00     |
      | Sales tax amount           | 160.00   |
    And the voucher number is the voucher of the posted customer invoice

  @id:header-on-confirm @doc:seed.header-on-confirm @doc:seed.one-way
  Scenario: A confirmed pro-forma invoice becomes a project invoice proposal
    Given "Bob" worked 8 hours and the time is approved and ready to invoice
    When the project manager creates a pro-forma invoice for the contract
    Then Finance and Operations apps hold no project invoice proposal for the pro-forma invoice
    When the project manager confirms the pro-forma invoice
    Then the pro-forma invoice has the project invoice status "Confirmed"
    And Finance and Operations apps hold a project invoice proposal numbered with the invoice ID
    And the project invoice proposal has no lines yet

  @id:one-way-no-write-back @doc:seed.one-way
  Scenario: Changes to the project invoice proposal don't flow back to Dataverse
    Given "Bob" worked 8 hours and the time is approved and ready to invoice
    And the project manager creates and confirms a pro-forma invoice for the contract
    When the project accountant changes the description of the project invoice proposal to "ERP rollout, phase 1"
    Then the pro-forma invoice in Dataverse is still named "ERP rollout"
