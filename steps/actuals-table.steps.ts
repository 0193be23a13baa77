import { DataTable } from '@cucumber/cucumber';
import { step } from './support/phrases.js';
import { compareActuals, projectActuals } from './invoicing.steps.js';
import { TxClass } from '../simulator/dataverse/entities.js';

/**
 * "the actuals of the time entry are:" (shared with the approval rows of branch appr, same phrases): the actuals of
 * the scenario's time entry, here those of the contract's project classified as time (each scenario has one time
 * entry), compared as a whole with the table.
 */
step('then.timeEntryActuals', async function (table: DataTable) {
  compareActuals(this, table, (await projectActuals(this)).filter((a) => a.msdyn_transactionclassification === TxClass.Time));
});
