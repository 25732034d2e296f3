import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from './database-options';

// Entry for the TypeORM CLI (migration:generate / migration:show); needs DATABASE_URL.
const config = loadConfig(process.env);
if (config.database.kind !== 'postgres') {
  throw new Error('The TypeORM CLI needs DATABASE_URL pointing at a PostgreSQL database');
}
export default new DataSource(dataSourceOptions(config.database.url, false));
