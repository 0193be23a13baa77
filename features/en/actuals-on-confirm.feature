Feature: Actuals created when a pro-forma invoice is confirmed
  Confirming an invoice in Dataverse also writes its billing records into the Actuals entity, and the
  dual-write table map "Project Operations integration actuals (msdyn_actuals)" carries them to
  Finance and Operations apps (Microsoft Learn: environment/resource-dual-write-project-invoice.md;
  the actuals of each case as in actuals/ActualsonTM.md).

  Confirming reverses the unbilled sales and creates billed sales. The unbilled sales reversal is
  marked Skip Sync: Finance and Operations apps mark the unbilled sales as fully invoiced instead.
  If the project manager changed a quantity or billing type on the draft, the original unbilled sales
  are adjusted and replaced by new ones that carry the change. Only chargeable lines add to the
  invoice total; non-chargeable and complimentary lines are billed at no charge.

  Background:
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "ERP rollout" for customer "Contoso Ltd."
    And the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour
    And "Bob" worked 8 hours and the time is approved and ready to invoice
    And the project manager creates a pro-forma invoice for the contract

  @id:confirm-unchanged @doc:seed.confirm-creates-actuals @doc:seed.actuals-map @doc:rule.confirm-unchanged @doc:rule.reversal-skip-sync
  Scenario: Confirming an unchanged invoice reverses the unbilled sales and creates billed sales
    When the project manager confirms the pro-forma invoice
    Then these actuals were created:
      | Transaction type | Billing type | Quantity | Amount    | Skip Sync (internal use only) |
      | Unbilled sales   | Chargeable   | -8       | -1,600.00 | Yes                           |
      | Billed sales     | Chargeable   | 8        | 1,600.00  | No                            |
    And the original unbilled sales actual has the billing status "Customer invoice posted"
    And the table Actuals staging holds 3 records

  @id:confirm-quantity-reduced @doc:rule.quantity-reduced
  Scenario: A reduced quantity is billed, the rest is billed as non-chargeable
    Given the project manager changes the quantity of the invoice line detail to 6
    When the project manager confirms the pro-forma invoice
    Then these actuals were created:
      | Transaction type | Billing type   | Quantity | Amount    | Skip Sync (internal use only) |
      | Unbilled sales   | Chargeable     | -8       | -1,600.00 | No                            |
      | Unbilled sales   | Chargeable     | 6        | 1,200.00  | No                            |
      | Unbilled sales   | Chargeable     | -6       | -1,200.00 | Yes                           |
      | Billed sales     | Chargeable     | 6        | 1,200.00  | No                            |
      | Unbilled sales   | Non-chargeable | 2        | 400.00    | No                            |
      | Unbilled sales   | Non-chargeable | -2       | -400.00   | Yes                           |
      | Billed sales     | Non-chargeable | 2        | 400.00    | No                            |
    And the original unbilled sales actual has the adjustment status "Adjusted"
    And the pro-forma invoice totals 1,200.00

  @id:confirm-quantity-increased @doc:rule.quantity-increased
  Scenario: An increased quantity replaces the original unbilled sales
    Given the project manager changes the quantity of the invoice line detail to 10
    When the project manager confirms the pro-forma invoice
    Then these actuals were created:
      | Transaction type | Billing type | Quantity | Amount    | Skip Sync (internal use only) |
      | Unbilled sales   | Chargeable   | -8       | -1,600.00 | No                            |
      | Unbilled sales   | Chargeable   | 10       | 2,000.00  | No                            |
      | Unbilled sales   | Chargeable   | -10      | -2,000.00 | Yes                           |
      | Billed sales     | Chargeable   | 10       | 2,000.00  | No                            |
    And the original unbilled sales actual has the adjustment status "Adjusted"
    And the pro-forma invoice totals 2,000.00

  @id:confirm-billing-type @doc:rule.billing-type-total
  Scenario Outline: Non-chargeable and complimentary time is billed but not charged
    Given the project manager sets the billing type of the invoice line detail to "<billing type>"
    When the project manager confirms the pro-forma invoice
    Then these actuals were created:
      | Transaction type | Billing type   | Quantity | Amount    |
      | Unbilled sales   | Chargeable     | -8       | -1,600.00 |
      | Unbilled sales   | <billing type> | 8        | 1,600.00  |
      | Unbilled sales   | <billing type> | -8       | -1,600.00 |
      | Billed sales     | <billing type> | 8        | 1,600.00  |
    And the pro-forma invoice totals <total>

    Examples:
      | billing type   | total |
      | Non-chargeable | 0.00  |
      | Complimentary  | 0.00  |
