class CreateUsers < ActiveRecord::Migration[6.1]
  def change
    create_table :users do |t|
      t.string :email, null: false
      t.string :name, limit: 100
      t.text :bio
      t.integer :age
      t.boolean :admin, default: false
      t.decimal :balance, precision: 10, scale: 2
      t.datetime :seen_at
      t.date :born_on
      t.bigint :big
      t.float :ratio
      t.json :prefs
      t.timestamps
    end
    add_index :users, :email, unique: true
  end
end
