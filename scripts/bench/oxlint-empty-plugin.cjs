// A JavaScript plugin for oxlint with one rule that does nothing (no listeners): what oxlint's plugin host costs by
// itself (its JavaScript side started, every file handed to it), measured by lint-oxlint.mjs beside unblock.
module.exports = { meta: { name: 'empty' }, rules: { nothing: { create: () => ({}) } } };
