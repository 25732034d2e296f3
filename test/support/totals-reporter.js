// Writes Jest's totals to .jest-results.json so .ci/run can print them as one plain line.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

class TotalsReporter {
  onRunComplete(_contexts, results) {
    const totals = {
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests + results.numTodoTests,
      suites: results.numTotalTestSuites,
      failedSuites: results.numFailedTestSuites + results.numRuntimeErrorTestSuites,
    };
    writeFileSync(join(__dirname, '..', '..', '.jest-results.json'), JSON.stringify(totals) + '\n');
  }
}
module.exports = TotalsReporter;
