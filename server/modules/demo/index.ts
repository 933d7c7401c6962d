// Demo data: the comuni of Bari and Bitonto with offices, services, desks, officers and citizens'
// examples. Seeded in demo and test modes only (boot.ts), never in production.
export { seedDemo } from './seed.ts';
