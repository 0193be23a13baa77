Feature: Statuses of the pro-forma invoice
  The project manager can move a pro-forma invoice between Draft and In review; in both it can still
  be edited. Once confirmed, the invoice can be given the status Paid, never before
  (`proforma-invoicing/manage-proforma-invoice.md`, "Invoice header"). With the Enhanced pro-forma
  invoice export map running, posting the project invoice proposal in Finance and Operations apps
  marks the pro-forma invoice Posted and shows the customer invoice's number and date
  (`invoicing/format-update-project-invoice-proposals.md`). Conventions: marking an invoice Paid also
  sets the project invoice status Invoice paid, and the value of Posted is ours (no source gives it).

  Background:
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "ERP rollout" for customer "Contoso Ltd."
    And the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour

  @id:draft-in-review @doc:rule.invoice-in-review
  Scenario: A draft goes to In review and back, and is confirmed from In review
    Given "Bob" worked 8 hours and the time is approved and ready to invoice
    And the project manager creates a pro-forma invoice for the contract
    When the project manager sets the project invoice status to "In review"
    Then the pro-forma invoice has the project invoice status "In review"
    When the project manager sets the project invoice status to "Draft"
    Then the pro-forma invoice has the project invoice status "Draft"
    When the project manager sets the project invoice status to "In review"
    And the project manager confirms the pro-forma invoice
    Then the pro-forma invoice has the project invoice status "Confirmed"
    When the project manager tries to set the project invoice status to "In review"
    Then the operation is refused

  @id:paid-after-confirmation @doc:rule.paid-after-confirmation @doc:rule.paid-sets-invoice-paid @convention
  Scenario: Only a confirmed pro-forma invoice can be set to Paid (and, by our convention, becomes Invoice paid)
    Given "Bob" worked 8 hours and the time is approved and ready to invoice
    And the project manager creates a pro-forma invoice for the contract
    When the project manager tries to set the status of the pro-forma invoice to Paid
    Then the operation is refused
    When the project manager confirms the pro-forma invoice
    And the project manager sets the status of the pro-forma invoice to Paid
    Then the pro-forma invoice has the project invoice status "Invoice paid"

  @id:enhanced-proforma-posted @doc:rule.enhanced-proforma-export @doc:rule.posted-status-value @convention
  Scenario: Posting brings the customer invoice and the status Posted back to the pro-forma invoice (the value of Posted is our convention)
    Given the table map "Project Operations integration invoice proposal export entity (msdyn_customerinvoices)" is run
    And "Bob" worked 8 hours and the time is approved and ready to invoice
    And the unbilled sales are posted through the Project Operations integration journal
    And the project manager creates and confirms a pro-forma invoice for the contract
    When the periodic process "Import from staging table" runs
    Then the pro-forma invoice has the project invoice status "Confirmed"
    When the project accountant posts the project invoice proposal
    Then the pro-forma invoice has the project invoice status "Posted"
    And the pro-forma invoice shows the number and date of the posted customer invoice

  @id:closed-canceled-unsupported @doc:rule.invoice-state-unsupported
  Scenario: A pro-forma invoice can't be closed or canceled
    Given "Bob" worked 8 hours and the time is approved and ready to invoice
    And the project manager creates and confirms a pro-forma invoice for the contract
    When the project manager tries to set the status of the pro-forma invoice to Closed
    Then the operation is refused
    When the project manager tries to set the status of the pro-forma invoice to Canceled
    Then the operation is refused
    And the pro-forma invoice has the project invoice status "Confirmed"
