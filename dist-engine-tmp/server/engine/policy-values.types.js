"use strict";
// The values a policy document is made of: subjects, regimes and declaration parameters.
// Apart from policy.types so that rule types (rules/) can use them while policy.types
// collects the rule types' specs, with no import going both ways.
Object.defineProperty(exports, "__esModule", { value: true });
