Feature: Sales tax
  Finance and Operations apps compute the sales tax of a project invoice when the project invoice proposal is
  posted. Each proposal line carries a sales tax group, which belongs to the party the invoice is for, and an
  item sales tax group, which belongs to what is invoiced. The sales tax codes found in both groups apply to
  the line, each at the rate it has on the invoice date. The line's groups come from the customer and from
  the project category; the project accountant can change them on the proposal before posting it.

  Sources: Microsoft Learn, invoicing/format-update-project-invoice-proposals.md (Billing sales tax),
  invoicing/correct-project-invoice-proposals.md (Adjust sales tax), and the finance and operations page
  "Sales tax overview" (Sales tax on transactions).

  Background:
    Given the legal entity "DEMF" with accounting currency "EUR"
    And the sales tax code "VAT19" has a rate of 19%
    And the sales tax code "VAT7" has a rate of 7%
    And the sales tax group "DOM" holds the sales tax codes "VAT19, VAT7"
    And the item sales tax group "FULL" holds the sales tax code "VAT19"
    And the item sales tax group "REDUCED" holds the sales tax code "VAT7"
    And the project category "Consulting" for hours has the item sales tax group "FULL"
    And the project contract "Warehouse rollout" for customer "Fabrikam GmbH"
    And the customer's sales tax group is "DOM"
    And the contract bills time and material at 150.00 per hour, at a cost of 80.00 per hour

  @id:tax-from-groups @doc:rule.tax-intersection @doc:rule.tax-group-defaults @doc:rule.tax-category-of-type @doc:rule.tax-rounding @convention
  Scenario: A line is taxed by the code its two groups share (which category and how tax is rounded are our convention)
    Given "Bob" worked 7.25 hours and the time is approved and ready to invoice
    And the unbilled sales are posted through the Project Operations integration journal
    And the project manager creates and confirms a pro-forma invoice for the contract
    When the periodic process "Import from staging table" runs
    Then the project invoice proposal line has the sales tax group "DOM" and the item sales tax group "FULL"
    When the project accountant posts the project invoice proposal
    Then the project invoice proposal amounts to 1,087.50
    And the customer invoice has a sales tax amount of 206.63
    And the billed sales actual shows the accounting details:
      | Sales tax amount | 206.63 |

  @id:tax-rate-by-date @doc:rule.tax-value-by-date @convention
  Scenario: A sales tax code charges the rate valid on the invoice date (the date that decides is our convention)
    Given the rate of the sales tax code "VAT19" changed to 16% yesterday
    And "Bob" worked 8 hours and the time is approved and ready to invoice
    And the unbilled sales are posted through the Project Operations integration journal
    And the project manager creates and confirms a pro-forma invoice for the contract
    When the periodic process "Import from staging table" runs
    And the project accountant posts the project invoice proposal
    Then the customer invoice has a sales tax amount of 192.00

  @id:tax-adjust-line @doc:rule.tax-adjust-groups
  Scenario: The project accountant changes the item sales tax group of a line before posting
    Given "Bob" worked 8 hours and the time is approved and ready to invoice
    And the unbilled sales are posted through the Project Operations integration journal
    And the project manager creates and confirms a pro-forma invoice for the contract
    And the periodic process "Import from staging table" runs
    When the project accountant sets the item sales tax group of the project invoice proposal line to "REDUCED"
    And the project accountant posts the project invoice proposal
    Then the customer invoice has a sales tax amount of 84.00
    And the billed sales actual shows the accounting details:
      | Sales tax amount | 84.00 |
    When the project accountant tries to set the item sales tax group of the project invoice proposal line to "FULL"
    Then the operation is refused

  @id:tax-no-shared-code @doc:rule.tax-intersection
  Scenario: A line whose groups share no sales tax code carries no sales tax
    Given the sales tax group "EXPORT" holds the sales tax code "VAT7"
    And "Bob" worked 8 hours and the time is approved and ready to invoice
    And the unbilled sales are posted through the Project Operations integration journal
    And the project manager creates and confirms a pro-forma invoice for the contract
    And the periodic process "Import from staging table" runs
    When the project accountant sets the sales tax group of the project invoice proposal line to "EXPORT"
    And the project accountant posts the project invoice proposal
    Then the customer invoice has a sales tax amount of 0.00

  @id:tax-delete-all @doc:rule.tax-delete-all-reimport
  Scenario: Delete all and a new import bring the lines back with their default groups
    Given "Bob" worked 8 hours and the time is approved and ready to invoice
    And the unbilled sales are posted through the Project Operations integration journal
    And the project manager creates and confirms a pro-forma invoice for the contract
    And the periodic process "Import from staging table" runs
    And the project accountant sets the item sales tax group of the project invoice proposal line to "REDUCED"
    When the project accountant selects "Delete all" on the project invoice proposal
    Then the project invoice proposal has no lines yet
    When the periodic process "Import from staging table" runs again
    Then the project invoice proposal has 1 line
    And the project invoice proposal line has the sales tax group "DOM" and the item sales tax group "FULL"
    When the project accountant posts the project invoice proposal
    Then the customer invoice has a sales tax amount of 228.00

  @id:tax-total-in-dataverse @doc:rule.tax-invoice-total-dataverse
  Scenario: Posting brings the invoice's tax total to the pro-forma invoice
    Given the table map "Project Operations integration invoice proposal export entity (msdyn_customerinvoices)" is run
    And "Bob" worked 8 hours and the time is approved and ready to invoice
    And the unbilled sales are posted through the Project Operations integration journal
    And the project manager creates and confirms a pro-forma invoice for the contract
    And the periodic process "Import from staging table" runs
    When the project accountant posts the project invoice proposal
    Then the pro-forma invoice shows a total tax of 228.00
