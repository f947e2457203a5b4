/**
 * @param { import("knex").Knex } knex
 * @returns { Promise<void> }
 */
exports.up = function(knex) {
  return knex.schema
    .createTable('orders', function (table) {
      table.increments();
      table.string('email').notNullable().unique();
      table.string('code', 20).defaultTo('x');
      table.text('body');
      table.integer('user_id').unsigned().references('id').inTable('users').onDelete('CASCADE');
      table.bigInteger('n');
      table.boolean('ok').defaultTo(false);
      table.decimal('amount', 10, 2);
      table.float('f');
      table.double('d');
      table.date('dd');
      table.datetime('dt');
      table.timestamp('ts').defaultTo(knex.fn.now());
      table.json('j');
      table.jsonb('jb');
      table.uuid('u');
      table.enu('status', ['a', 'b']);
      table.timestamps();
      table.index(['user_id', 'code']);
      table.unique(['code', 'n']);
      table.foreign('n').references('users.id');
    })
    .alterTable('users', (t) => {
      t.string('nickname', 50).nullable();
      t.dropColumn('legacy');
      t.renameColumn('name', 'full_name');
      t.index('nickname', 'users_nick_idx');
      t.dropIndex('email');
      t.dropForeign('team_id');
      t.string('code', 30).notNullable().alter();
    })
    .renameTable('tags', 'labels')
    .dropTableIfExists('old_orders');
};

/**
 * @param { import("knex").Knex } knex
 * @returns { Promise<void> }
 */
exports.down = function(knex) {
  return knex.schema.dropTable('orders');
};
